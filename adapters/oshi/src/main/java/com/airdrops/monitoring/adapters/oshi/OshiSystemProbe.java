package com.airdrops.monitoring.adapters.oshi;

import com.airdrops.monitoring.domain.port.driven.HostReading;
import com.airdrops.monitoring.domain.port.driven.SystemProbe;
import com.airdrops.monitoring.domain.spi.ProbeException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Reads host counters with OSHI (CPU ticks, memory) and the JDK's statvfs-backed {@link FileStore} (disk). Never
 * sleeps: CPU utilisation is derived by the caller from tick deltas. Network interfaces are re-listed every
 * {@link OshiProbeSettings#interfaceRefresh()} and their counters re-read on each call. Thread-safe through
 * serialised reads.
 */
public final class OshiSystemProbe implements SystemProbe {
    private static HardwareAbstractionLayer host;

    private final OshiProbeSettings settings;
    private final HardwareAbstractionLayer hardware;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private FileStore fileStore;
    private List<NetworkIF> interfaces = List.of();
    private long interfacesListedAtNanos;

    public OshiSystemProbe(OshiProbeSettings settings) {
        this.settings = settings;
        this.hardware = hardware();
        this.processor = hardware.getProcessor();
        this.memory = hardware.getMemory();
    }

    /**
     * Builds what the first probe of a process builds (OSHI's native access, the processor's description), so that a
     * caller can have it done on another thread while it builds the rest of the agent: the probe then takes it instead
     * of building it again, or waits for it when it is under way. A failure here recurs, and is thrown, in the probe's
     * constructor.
     */
    public static void preload() {
        HardwareAbstractionLayer shared = hardware();
        shared.getProcessor();
        shared.getMemory();
    }

    /** OSHI's view of this host, one per process: OSHI keeps what it reads once (the processor's description) in it. */
    private static synchronized HardwareAbstractionLayer hardware() {
        if (host == null) {
            host = new SystemInfo().getHardware();
        }
        return host;
    }

    @Override
    public synchronized HostReading read() {
        try {
            long[] ticks = processor.getSystemCpuLoadTicks();
            long total = 0;
            for (long tick : ticks) {
                total += tick;
            }
            long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
            FileStore store = fileStore();
            long sent = 0;
            long received = 0;
            for (NetworkIF networkInterface : interfaces()) {
                networkInterface.updateAttributes();
                sent += networkInterface.getBytesSent();
                received += networkInterface.getBytesRecv();
            }
            return new HostReading(
                    total,
                    Math.min(idle, total),
                    memory.getTotal(),
                    memory.getAvailable(),
                    store.getTotalSpace(),
                    store.getUnallocatedSpace(),
                    store.getUsableSpace(),
                    sent,
                    received);
        } catch (IOException | RuntimeException e) {
            fileStore = null;
            throw new ProbeException("reading host counters failed: " + e.getMessage(), e);
        }
    }

    private FileStore fileStore() throws IOException {
        if (fileStore == null) {
            fileStore = Files.getFileStore(settings.diskPath());
        }
        return fileStore;
    }

    private static boolean isNotLoopback(NetworkIF networkInterface) {
        try {
            return !networkInterface.queryNetworkInterface().isLoopback();
        } catch (SocketException e) {
            return !"lo".equals(networkInterface.getName());
        }
    }

    private List<NetworkIF> interfaces() {
        long now = System.nanoTime();
        if (interfacesListedAtNanos == 0
                || now - interfacesListedAtNanos > settings.interfaceRefresh().toNanos()) {
            // false: leave out local interfaces (loopback, and those without a hardware address).
            interfaces = hardware.getNetworkIFs(false).stream()
                    .filter(OshiSystemProbe::isNotLoopback)
                    .toList();
            interfacesListedAtNanos = now;
        }
        return interfaces;
    }
}
