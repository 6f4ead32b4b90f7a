package com.airdrops.monitoring.domain.model;

/**
 * Host resource usage at one collection, as the seed's {@code SystemMetrics}.
 * Network byte counts are cumulative since boot, summed over non-loopback interfaces.
 */
public record SystemMetrics(
        double cpuUsagePercent,
        double memoryUsagePercent,
        double diskUsagePercent,
        long networkBytesSent,
        long networkBytesRecv) {

    public SystemMetrics {
        Require.percent(cpuUsagePercent, "cpuUsagePercent");
        Require.percent(memoryUsagePercent, "memoryUsagePercent");
        Require.percent(diskUsagePercent, "diskUsagePercent");
        Require.nonNegative(networkBytesSent, "networkBytesSent");
        Require.nonNegative(networkBytesRecv, "networkBytesRecv");
    }
}
