package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.port.driven.DiskReading;
import com.airdrops.monitoring.domain.port.driven.HostReading;

/** Memory and disk percentages as the kernel's tools compute them. */
final class HostPercentages {
    private HostPercentages() {}

    /** (MemTotal - MemAvailable) / MemTotal, as free(1) and psutil do. */
    static double memory(HostReading reading) {
        if (reading.memoryTotalBytes() == 0) {
            return 0.0;
        }
        long used = reading.memoryTotalBytes() - reading.memoryAvailableBytes();
        return CpuUsage.clampPercent(100.0 * used / reading.memoryTotalBytes());
    }

    /** used / (used + available to users), as df(1) and psutil do: blocks reserved for root count as neither. */
    static double disk(DiskReading.Space space) {
        long used = space.totalBytes() - space.freeBytes();
        long denominator = used + space.usableBytes();
        if (denominator <= 0) {
            return 0.0;
        }
        return CpuUsage.clampPercent(100.0 * used / denominator);
    }
}
