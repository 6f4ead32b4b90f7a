package com.airdrops.monitoring.adapters.oshi;

import com.airdrops.monitoring.domain.port.driven.HostReading;
import com.airdrops.monitoring.domain.port.driven.SystemProbe;
import com.airdrops.monitoring.domain.spi.ProbeException;
import java.nio.file.FileStore;

/**
 * Reads host counters: CPU ticks, memory and network bytes with OSHI (on Linux from {@code /proc} and {@code /sys}
 * through its Linux drivers, elsewhere through its hardware layer), and disk through the JDK's statvfs-backed
 * {@link FileStore}. Never sleeps: CPU utilisation is derived by the caller from tick deltas. Network interfaces are
 * re-listed every {@link OshiProbeSettings#interfaceRefresh()} and their counters re-read on each call. A disk that
 * cannot be read (its path removed, or its file system unmounted while the agent runs: {@link WatchedDisk}) is
 * reported in the reading as unreadable, and the other figures stand. Thread-safe through serialised reads.
 */
public final class OshiSystemProbe implements SystemProbe {
    private final HostCounters counters;
    private final WatchedDisk disk;

    public OshiSystemProbe(OshiProbeSettings settings) {
        this(
                settings,
                ProcFsCounters.available()
                        ? new ProcFsCounters(settings.interfaceRefresh())
                        : new HardwareLayerCounters(settings.interfaceRefresh()));
    }

    OshiSystemProbe(OshiProbeSettings settings, HostCounters counters) {
        this.counters = counters;
        this.disk = new WatchedDisk(settings.diskPath());
    }

    /**
     * Builds what the first probe of a process builds where that takes long (OSHI's hardware layer: its native access
     * and the processor's description; nothing on Linux), so that a caller can have it done on another thread while it
     * builds the rest of the agent: the probe then takes it instead of building it again, or waits for it when it is
     * under way. A failure here recurs, and is thrown, in the probe's constructor.
     */
    public static void preload() {
        if (!ProcFsCounters.available()) {
            HardwareLayerCounters.preload();
        }
    }

    @Override
    public synchronized HostReading read() {
        try {
            long[] cpu = counters.cpuTicks();
            long[] memory = counters.memory();
            long[] network = counters.networkBytes();
            return new HostReading(
                    cpu[0], Math.min(cpu[1], cpu[0]), memory[0], memory[1], disk.read(), network[0], network[1]);
        } catch (RuntimeException e) {
            throw new ProbeException("reading host counters failed: " + e.getMessage(), e);
        }
    }
}
