package com.airdrops.monitoring.collection;

/**
 * CPU utilisation from the difference of cumulative tick counters between two readings, so that no reading has to
 * sleep. The first reading has no predecessor and reports the average since boot. Not thread-safe.
 */
final class CpuUsage {
    private long previousTotal;
    private long previousIdle;
    private double lastPercent;

    double update(long totalTicks, long idleTicks) {
        long total = totalTicks - previousTotal;
        long idle = idleTicks - previousIdle;
        if (total > 0 && idle >= 0) {
            lastPercent = clampPercent(100.0 * (total - idle) / total);
        }
        // total <= 0: no tick elapsed (or the counters went back, e.g. a CPU went offline); keep the last value.
        previousTotal = totalTicks;
        previousIdle = idleTicks;
        return lastPercent;
    }

    static double clampPercent(double percent) {
        if (Double.isNaN(percent)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(100.0, percent));
    }
}
