package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import java.util.OptionalDouble;

/**
 * Host resource usage at one collection. Disk usage is empty when the watched disk could not be read at that
 * collection. Network byte counts are cumulative since boot, summed over non-loopback interfaces.
 */
public record SystemMetrics(
        double cpuUsagePercent,
        double memoryUsagePercent,
        OptionalDouble diskUsagePercent,
        long networkBytesSent,
        long networkBytesRecv) {

    public SystemMetrics {
        Require.percent(cpuUsagePercent, "cpuUsagePercent");
        Require.percent(memoryUsagePercent, "memoryUsagePercent");
        Require.nonNull(diskUsagePercent, "diskUsagePercent")
                .ifPresent(percent -> Require.percent(percent, "diskUsagePercent"));
        Require.nonNegative(networkBytesSent, "networkBytesSent");
        Require.nonNegative(networkBytesRecv, "networkBytesRecv");
    }
}
