package com.airdrops.monitoring.adapters.oshi;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import oshi.driver.linux.proc.CpuStat;
import oshi.util.FileUtil;
import oshi.util.ParseUtil;
import oshi.util.platform.linux.ProcPath;
import oshi.util.platform.linux.SysPath;

/**
 * The counters on Linux, read from {@code /proc} and {@code /sys} through OSHI's Linux drivers and file utilities
 * (which honour OSHI's configured proc and sys paths). OSHI's hardware layer is not used here: building it loads JNA's
 * native library and udev, starts {@code uname} and describes the processor, none of which these counters need, and
 * that was a fifth of the agent's start (BENCHMARKS.md).
 */
final class ProcFsCounters implements HostCounters {
    private final Relisted<List<String>> interfaces;

    ProcFsCounters(Duration interfaceRefresh) {
        this.interfaces = new Relisted<>(interfaceRefresh, ProcFsCounters::physicalInterfaces);
    }

    static boolean available() {
        return System.getProperty("os.name", "").startsWith("Linux");
    }

    @Override
    public long[] cpuTicks() {
        long[] ticks = HostCounters.totalAndIdle(CpuStat.getSystemCpuLoadTicks());
        if (ticks[0] == 0) {
            // OSHI's driver answers zeros when it cannot read the file.
            throw new IllegalStateException("no CPU ticks in " + ProcPath.STAT);
        }
        return ticks;
    }

    @Override
    public long[] memory() {
        Map<String, String> meminfo = FileUtil.getKeyValueMapFromFile(ProcPath.MEMINFO, ":");
        long total = bytes(meminfo, "MemTotal");
        if (total == 0) {
            throw new IllegalStateException("no MemTotal in " + ProcPath.MEMINFO);
        }
        String available = meminfo.get("MemAvailable");
        if (available != null) {
            return new long[] {total, ParseUtil.parseDecimalMemorySizeToBinary(available)};
        }
        // Kernels before 3.14 have no MemAvailable: the kernel's own estimate from before it did.
        return new long[] {
            total,
            bytes(meminfo, "MemFree")
                    + bytes(meminfo, "Active(file)")
                    + bytes(meminfo, "Inactive(file)")
                    + bytes(meminfo, "SReclaimable")
        };
    }

    private static long bytes(Map<String, String> meminfo, String key) {
        String value = meminfo.get(key);
        return value == null ? 0 : ParseUtil.parseDecimalMemorySizeToBinary(value);
    }

    @Override
    public long[] networkBytes() {
        long sent = 0;
        long received = 0;
        for (String name : interfaces.get()) {
            String statistics = SysPath.NET + name + "/statistics/";
            sent += FileUtil.getUnsignedLongFromFile(statistics + "tx_bytes");
            received += FileUtil.getUnsignedLongFromFile(statistics + "rx_bytes");
        }
        return new long[] {sent, received};
    }

    /** Those OSHI lists without its local ones: not loopback, with a hardware address. */
    private static List<String> physicalInterfaces() {
        List<String> names = new ArrayList<>();
        try {
            for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!networkInterface.isLoopback() && networkInterface.getHardwareAddress() != null) {
                    names.add(networkInterface.getName());
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("listing the network interfaces failed: " + e.getMessage(), e);
        }
        return List.copyOf(names);
    }
}
