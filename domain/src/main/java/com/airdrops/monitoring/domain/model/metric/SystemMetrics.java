package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;

/**
 * Host resource usage at one collection.
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
