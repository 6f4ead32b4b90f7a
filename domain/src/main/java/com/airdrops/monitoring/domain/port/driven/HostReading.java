package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.Require;

/**
 * Raw host counters read by a {@link SystemProbe}: cumulative CPU ticks, memory sizes in bytes, the watched disk's
 * space (or why it could not be read), cumulative network bytes. Percentages are derived from these by the collection
 * service.
 */
public record HostReading(
        long cpuTotalTicks,
        long cpuIdleTicks,
        long memoryTotalBytes,
        long memoryAvailableBytes,
        DiskReading disk,
        long networkBytesSent,
        long networkBytesRecv) {

    public HostReading {
        Require.nonNegative(cpuTotalTicks, "cpuTotalTicks");
        Require.nonNegative(cpuIdleTicks, "cpuIdleTicks");
        if (cpuIdleTicks > cpuTotalTicks) {
            throw new IllegalArgumentException(
                    "cpuIdleTicks (" + cpuIdleTicks + ") exceed cpuTotalTicks (" + cpuTotalTicks + ")");
        }
        Require.nonNegative(memoryTotalBytes, "memoryTotalBytes");
        Require.nonNegative(memoryAvailableBytes, "memoryAvailableBytes");
        Require.nonNull(disk, "disk");
        Require.nonNegative(networkBytesSent, "networkBytesSent");
        Require.nonNegative(networkBytesRecv, "networkBytesRecv");
    }
}
