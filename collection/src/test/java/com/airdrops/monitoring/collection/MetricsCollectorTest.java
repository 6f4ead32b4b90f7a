package com.airdrops.monitoring.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.metric.SystemMetrics;
import com.airdrops.monitoring.domain.port.driven.DiskReading;
import com.airdrops.monitoring.domain.port.driven.HostReading;
import com.airdrops.monitoring.domain.port.driven.SystemProbe;
import com.airdrops.monitoring.domain.spi.ProbeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {
    private static final long GIB = 1L << 30;

    private final ScriptedProbe probe = new ScriptedProbe();
    private final TestClock clock = TestClock.at(Instant.parse("2026-11-26T12:00:00Z"));
    private final MetricsCollector collector = new MetricsCollector(probe, clock);

    @Test
    void cpuPercentComesFromTickDeltasBetweenCollections() {
        probe.next(reading(1_000, 900)); // since boot: 10 % busy
        probe.next(reading(1_200, 950)); // 200 ticks, 50 idle: 75 % busy
        probe.next(reading(1_200, 950)); // no tick elapsed: keep 75 %
        probe.next(reading(1_300, 1_050)); // 100 ticks, all idle: 0 %

        assertThat(collector.collectSystemMetrics().cpuUsagePercent()).isCloseTo(10.0, within(1e-9));
        assertThat(collector.collectSystemMetrics().cpuUsagePercent()).isCloseTo(75.0, within(1e-9));
        assertThat(collector.collectSystemMetrics().cpuUsagePercent()).isCloseTo(75.0, within(1e-9));
        assertThat(collector.collectSystemMetrics().cpuUsagePercent()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void memoryIsTotalMinusAvailableAndDiskIsComputedAsDfDoes() {
        // 16 GiB total, 4 GiB available: 75 %. Disk 100 GiB, 40 free, 35 usable: used 60 / (60 + 35).
        probe.next(new HostReading(
                10, 5, 16 * GIB, 4 * GIB, new DiskReading.Space(100 * GIB, 40 * GIB, 35 * GIB), 123, 456));

        SystemMetrics metrics = collector.collectSystemMetrics();

        assertThat(metrics.memoryUsagePercent()).isCloseTo(75.0, within(1e-9));
        assertThat(metrics.diskUsagePercent().orElseThrow()).isCloseTo(100.0 * 60 / 95, within(1e-9));
        assertThat(metrics.networkBytesSent()).isEqualTo(123);
        assertThat(metrics.networkBytesRecv()).isEqualTo(456);
    }

    @Test
    void aSnapshotCarriesEverySystemSeriesAndTheAgentsOwnHealth() {
        probe.next(new HostReading(
                10, 5, 16 * GIB, 4 * GIB, new DiskReading.Space(100 * GIB, 40 * GIB, 35 * GIB), 123, 456));
        clock.stepPerRead(Duration.ofMillis(3));

        MetricsSnapshot snapshot = collector.collectAllMetrics();

        assertThat(snapshot.timestamp()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(snapshot.system()).isPresent();
        assertThat(values(snapshot))
                .containsEntry("system_cpu_usage_percent", 50.0)
                .containsEntry("system_memory_usage_percent", 75.0)
                .containsEntry("system_network_bytes_sent_total", 123.0)
                .containsEntry("system_network_bytes_recv_total", 456.0)
                .containsEntry("monitoring_collection_duration_seconds", 0.003)
                .containsEntry("monitoring_collections_total", 1.0)
                .containsEntry("monitoring_collection_errors_total", 0.0)
                .containsKey("system_disk_usage_percent");
        assertThat(collector.latest()).contains(snapshot);
    }

    @Test
    void aFailingProbeIsCountedAndTheCycleStillProducesASnapshot() {
        probe.fail(new ProbeException("no /proc"));
        probe.next(reading(100, 50));

        MetricsSnapshot failed = collector.collectAllMetrics();
        MetricsSnapshot recovered = collector.collectAllMetrics();

        assertThat(failed.system()).isEmpty();
        assertThat(failed.silent().withheld()).isEmpty(); // nothing read before: nothing to keep
        assertThat(values(failed))
                .doesNotContainKey("system_cpu_usage_percent")
                .containsEntry("monitoring_collection_errors_total", 1.0);
        assertThat(failed.samples())
                .filteredOn(sample -> sample.name().equals("monitoring_collection_errors_total"))
                .extracting(Sample::labels)
                .containsExactly(Map.of("source", "system"), Map.of("source", "disk"));
        assertThat(recovered.system()).isPresent();
        assertThat(values(recovered))
                .containsEntry("monitoring_collections_total", 2.0)
                .containsEntry("monitoring_collection_errors_total", 1.0);
    }

    @Test
    void anUnreadableDiskTakesOnlyTheDiskSeriesAndIsSaidOnceUntilItIsBack() {
        DiskReading removed = new DiskReading.Unreadable("no such file or directory: /data");
        probe.next(reading(100, 50));
        probe.next(reading(200, 100, removed));
        probe.next(reading(300, 150, removed));
        probe.next(reading(400, 200));
        try (CapturedLog logged = new CapturedLog(MetricsCollector.class)) {
            collector.collectAllMetrics();
            clock.advance(Duration.ofSeconds(5));
            MetricsSnapshot unreadable = collector.collectAllMetrics();
            List<String> failuresWhileUnreadable = collector.readFailures();
            clock.advance(Duration.ofSeconds(5));
            MetricsSnapshot stillUnreadable = collector.collectAllMetrics();
            clock.advance(Duration.ofSeconds(5));
            MetricsSnapshot back = collector.collectAllMetrics();

            assertThat(unreadable.system()).isPresent();
            assertThat(values(unreadable))
                    .containsKeys(
                            "system_cpu_usage_percent",
                            "system_memory_usage_percent",
                            "system_network_bytes_sent_total",
                            "system_network_bytes_recv_total")
                    .doesNotContainKey("system_disk_usage_percent");
            assertThat(errors(stillUnreadable)).containsEntry("disk", 2.0).containsEntry("system", 0.0);
            assertThat(failuresWhileUnreadable)
                    .containsExactly(
                            "disk usage unreadable since 2026-11-26T12:00:05Z: no such file or directory: /data");
            assertThat(unreadable.silent().withheld())
                    .extracting(Sample::name, Sample::value)
                    .containsExactly(tuple("system_disk_usage_percent", 50.0));
            assertThat(values(back)).containsKey("system_disk_usage_percent");
            assertThat(back.silent().withheld()).isEmpty();
            assertThat(errors(back)).containsEntry("disk", 2.0);
            assertThat(collector.readFailures()).isEmpty();
            assertThat(logged.lines())
                    .containsExactly(
                            "WARN Disk usage unreadable: no such file or directory: /data; its series are left out"
                                    + " until it can be read",
                            "INFO Disk usage readable again after 10 s");
        }
    }

    @Test
    void aHostThatCannotBeReadKeepsItsLastFiguresForTheAlertsOnThem() {
        probe.next(reading(100, 50));
        probe.fail(new ProbeException("no /proc"));

        MetricsSnapshot read = collector.collectAllMetrics();
        MetricsSnapshot failed = collector.collectAllMetrics();

        assertThat(values(failed)).doesNotContainKeys("system_cpu_usage_percent", "system_disk_usage_percent");
        assertThat(failed.silent().withheld())
                .extracting(Sample::name, Sample::value)
                .containsExactlyInAnyOrderElementsOf(read.samples().stream()
                        .filter(sample -> sample.name().startsWith("system_"))
                        .map(sample -> tuple(sample.name(), sample.value()))
                        .toList());
        assertThat(collector.readFailures())
                .containsExactly("host metrics unreadable since 2026-11-26T12:00:00Z: no /proc");
    }

    @Test
    void latestIsEmptyBeforeTheFirstCollection() {
        assertThat(collector.latest()).isEmpty();
    }

    private static HostReading reading(long totalTicks, long idleTicks) {
        return reading(totalTicks, idleTicks, new DiskReading.Space(10 * GIB, 5 * GIB, 5 * GIB));
    }

    private static HostReading reading(long totalTicks, long idleTicks, DiskReading disk) {
        return new HostReading(totalTicks, idleTicks, 8 * GIB, 4 * GIB, disk, 0, 0);
    }

    /** The collection error counters by their source. */
    private static Map<String, Double> errors(MetricsSnapshot snapshot) {
        return snapshot.samples().stream()
                .filter(sample -> sample.name().equals("monitoring_collection_errors_total"))
                .collect(java.util.stream.Collectors.toMap(
                        sample -> sample.labels().get("source"), Sample::value));
    }

    private static Map<String, Double> values(MetricsSnapshot snapshot) {
        return snapshot.samples().stream()
                .collect(java.util.stream.Collectors.toMap(Sample::name, Sample::value, (a, b) -> a));
    }

    /** Returns the readings it was given, in order; a queued exception is thrown instead. */
    private static final class ScriptedProbe implements SystemProbe {
        private final Deque<Object> script = new ArrayDeque<>();

        void next(HostReading reading) {
            script.add(reading);
        }

        void fail(RuntimeException failure) {
            script.add(failure);
        }

        @Override
        public HostReading read() {
            Object next = script.remove();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (HostReading) next;
        }
    }
}
