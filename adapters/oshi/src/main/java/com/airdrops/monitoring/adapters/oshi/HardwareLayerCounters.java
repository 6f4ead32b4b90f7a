package com.airdrops.monitoring.adapters.oshi;

import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/** The counters through OSHI's hardware layer: every platform OSHI supports; used where there is no {@code /proc}. */
final class HardwareLayerCounters implements HostCounters {
    private static HardwareAbstractionLayer host;

    private final HardwareAbstractionLayer hardware;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final Relisted<List<NetworkIF>> interfaces;

    HardwareLayerCounters(Duration interfaceRefresh) {
        this.hardware = hardware();
        this.interfaces = new Relisted<>(interfaceRefresh, this::listInterfaces);
        this.processor = hardware.getProcessor();
        this.memory = hardware.getMemory();
    }

    /** Builds what the first instance of a process builds (OSHI's native access, the processor's description). */
    static void preload() {
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
    public long[] cpuTicks() {
        return HostCounters.totalAndIdle(processor.getSystemCpuLoadTicks());
    }

    @Override
    public long[] memory() {
        return new long[] {memory.getTotal(), memory.getAvailable()};
    }

    @Override
    public long[] networkBytes() {
        long sent = 0;
        long received = 0;
        for (NetworkIF networkInterface : interfaces.get()) {
            networkInterface.updateAttributes();
            sent += networkInterface.getBytesSent();
            received += networkInterface.getBytesRecv();
        }
        return new long[] {sent, received};
    }

    private List<NetworkIF> listInterfaces() {
        // false: leave out local interfaces (those without a hardware address); loopback too.
        return hardware.getNetworkIFs(false).stream()
                .filter(HardwareLayerCounters::isNotLoopback)
                .toList();
    }

    private static boolean isNotLoopback(NetworkIF networkInterface) {
        try {
            return !networkInterface.queryNetworkInterface().isLoopback();
        } catch (SocketException e) {
            return !"lo".equals(networkInterface.getName());
        }
    }
}
