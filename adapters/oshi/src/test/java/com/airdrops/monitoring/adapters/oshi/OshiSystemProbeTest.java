package com.airdrops.monitoring.adapters.oshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.airdrops.monitoring.domain.port.driven.DiskReading;
import com.airdrops.monitoring.domain.port.driven.HostReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Compares the real probe with what the Linux kernel reports through /proc and df(1). */
@EnabledOnOs(OS.LINUX)
class OshiSystemProbeTest {
    private final OshiSystemProbe probe = new OshiSystemProbe(new OshiProbeSettings(Path.of("/")));

    @Test
    void memoryAgreesWithProcMeminfo() throws IOException {
        HostReading reading = probe.read();
        long totalKb = meminfoKb("MemTotal");
        long availableKb = meminfoKb("MemAvailable");

        assertThat(reading.memoryTotalBytes()).isEqualTo(totalKb * 1024);
        double probePercent =
                100.0 * (reading.memoryTotalBytes() - reading.memoryAvailableBytes()) / reading.memoryTotalBytes();
        double kernelPercent = 100.0 * (totalKb - availableKb) / totalKb;
        assertThat(probePercent).isCloseTo(kernelPercent, within(2.0));
    }

    @Test
    void diskAgreesWithDf() throws Exception {
        HostReading reading = probe.read();
        // df's Use% = used / (used + avail), rounded up.
        Process df = new ProcessBuilder("df", "-B1", "--output=size,used,avail", "/").start();
        List<String> lines =
                new String(df.getInputStream().readAllBytes()).lines().toList();
        assertThat(df.waitFor()).isZero();
        String[] columns = lines.get(1).trim().split("\\s+");
        long used = Long.parseLong(columns[1]);
        long available = Long.parseLong(columns[2]);

        DiskReading.Space disk = (DiskReading.Space) reading.disk();
        long probeUsed = disk.totalBytes() - disk.freeBytes();
        double probePercent = 100.0 * probeUsed / (probeUsed + disk.usableBytes());
        assertThat(disk.totalBytes()).isEqualTo(Long.parseLong(columns[0]));
        assertThat(probePercent).isCloseTo(100.0 * used / (used + available), within(2.0));
    }

    @Test
    void networkCountersAreTheNonLoopbackSumOfProcNetDevAndNeverDecrease() throws IOException {
        long[] before = procNetDevNonLoopback();
        HostReading first = probe.read();
        HostReading second = probe.read();
        long[] after = procNetDevNonLoopback();

        assertThat(first.networkBytesRecv()).isBetween(before[0], after[0]);
        assertThat(first.networkBytesSent()).isBetween(before[1], after[1]);
        assertThat(second.networkBytesRecv()).isGreaterThanOrEqualTo(first.networkBytesRecv());
        assertThat(second.networkBytesSent()).isGreaterThanOrEqualTo(first.networkBytesSent());
    }

    @Test
    void cpuTicksAreCumulative() {
        HostReading first = probe.read();
        HostReading second = probe.read();
        assertThat(first.cpuTotalTicks()).isPositive();
        assertThat(second.cpuTotalTicks()).isGreaterThanOrEqualTo(first.cpuTotalTicks());
        assertThat(second.cpuIdleTicks()).isBetween(first.cpuIdleTicks(), second.cpuTotalTicks());
    }

    @Test
    void onLinuxTheCountersAgreeWithOshisHardwareLayer() {
        // The hardware layer is what the probe uses where there is no /proc: both must tell the same story.
        Duration refresh = Duration.ofMinutes(1);
        ProcFsCounters proc = new ProcFsCounters(refresh);
        HardwareLayerCounters hardware = new HardwareLayerCounters(refresh);

        long[] procMemory = proc.memory();
        long[] hardwareMemory = hardware.memory();
        assertThat(procMemory[0]).isEqualTo(hardwareMemory[0]);
        assertThat((double) procMemory[1]).isCloseTo(hardwareMemory[1], within(0.02 * procMemory[0]));

        // Ticks in different units (jiffies, milliseconds), so compare the idle share since boot.
        long[] procCpu = proc.cpuTicks();
        long[] hardwareCpu = hardware.cpuTicks();
        assertThat((double) procCpu[1] / procCpu[0]).isCloseTo((double) hardwareCpu[1] / hardwareCpu[0], within(0.01));

        long[] before = hardware.networkBytes();
        long[] read = proc.networkBytes();
        long[] after = hardware.networkBytes();
        assertThat(read[0]).isBetween(before[0], after[0]);
        assertThat(read[1]).isBetween(before[1], after[1]);
    }

    @Test
    void onLinuxReadingLoadsNoNativeLibrary() throws Exception {
        // In a JVM of its own: JNA sets jna.loaded once its native library is in, for the whole process.
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReadWithoutNativeAccess.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(output).contains("jna.loaded=null");
    }

    @Test
    void aDiskPathRemovedWhileRunningIsUnreadableAndTheOtherFiguresStand(@TempDir Path parent) throws IOException {
        Path watched = Files.createDirectory(parent.resolve("data"));
        OshiSystemProbe watching = new OshiSystemProbe(new OshiProbeSettings(watched));
        assertThat(watching.read().disk()).isInstanceOf(DiskReading.Space.class);

        Files.delete(watched);
        HostReading removed = watching.read();

        assertThat(removed.disk()).isEqualTo(new DiskReading.Unreadable("no such file or directory: " + watched));
        assertThat(removed.memoryTotalBytes()).isEqualTo(meminfoKb("MemTotal") * 1024);
        assertThat(removed.cpuTotalTicks()).isPositive();

        Files.createDirectory(watched);
        assertThat(watching.read().disk()).isInstanceOf(DiskReading.Space.class);
    }

    /**
     * A file system unmounted from under the watched path leaves the empty folder it was mounted on: read as is, it
     * would give the space of the file system below, and a full disk would read as one with room. Needs to mount a
     * tmpfs (root, as on the build machines); skipped where it cannot.
     */
    @Test
    void aFileSystemUnmountedFromUnderThePathIsUnreadableUntilOneIsMountedThereAgain(@TempDir Path parent)
            throws Exception {
        Path mountPoint = Files.createDirectory(parent.resolve("mnt"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.toString()), "cannot mount here");
        try {
            Path watched = Files.createDirectory(mountPoint.resolve("data"));
            OshiSystemProbe watching = new OshiSystemProbe(new OshiProbeSettings(watched));
            assertThat(watching.read().disk())
                    .isInstanceOfSatisfying(
                            DiskReading.Space.class,
                            space -> assertThat(space.totalBytes()).isEqualTo(4L << 20));

            assertThat(run("umount", mountPoint.toString())).isTrue();
            Files.createDirectory(watched); // the same path, now on the file system below
            assertThat(watching.read().disk())
                    .isEqualTo(new DiskReading.Unreadable("the file system mounted on " + mountPoint
                            + " is no longer mounted (" + watched + " would show the one below it)"));

            assertThat(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint.toString()))
                    .isTrue();
            Files.createDirectory(watched);
            assertThat(watching.read().disk())
                    .isInstanceOfSatisfying(
                            DiskReading.Space.class,
                            space -> assertThat(space.totalBytes()).isEqualTo(8L << 20));
        } finally {
            run("umount", mountPoint.toString());
        }
    }

    /** Runs a command; whether it succeeded. */
    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static long meminfoKb(String key) throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith(key + ":"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElseThrow();
    }

    /** {received, sent} bytes summed over the interfaces OSHI would list: not lo. */
    private static long[] procNetDevNonLoopback() throws IOException {
        long[] totals = new long[2];
        for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.substring(0, colon).trim().equals("lo")) {
                continue;
            }
            String[] fields = line.substring(colon + 1).trim().split("\\s+");
            totals[0] += Long.parseLong(fields[0]);
            totals[1] += Long.parseLong(fields[8]);
        }
        return totals;
    }
}
