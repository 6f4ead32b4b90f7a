package com.airdrops.monitoring.adapters.oshi;

import oshi.hardware.CentralProcessor.TickType;

/** Where the probe reads the CPU, memory and network counters: one source per platform. */
interface HostCounters {
    /** Cumulative CPU time as {total, idle}: idle includes I/O wait; units are the source's own. */
    long[] cpuTicks();

    /** {total, available} bytes of memory. */
    long[] memory();

    /** {sent, received} bytes, summed over the host's network interfaces that are neither loopback nor local. */
    long[] networkBytes();

    /** {total, idle and I/O wait} of ticks indexed by OSHI's {@link TickType}. */
    static long[] totalAndIdle(long[] ticks) {
        long total = 0;
        for (long tick : ticks) {
            total += tick;
        }
        return new long[] {total, ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()]};
    }
}
