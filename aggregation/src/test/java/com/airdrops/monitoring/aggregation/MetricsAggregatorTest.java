package com.airdrops.monitoring.aggregation;

import static com.airdrops.monitoring.domain.model.metric.AggregationFunction.AVG;
import static com.airdrops.monitoring.domain.model.metric.AggregationFunction.COUNT;
import static com.airdrops.monitoring.domain.model.metric.AggregationFunction.LAST;
import static com.airdrops.monitoring.domain.model.metric.AggregationFunction.MAX;
import static com.airdrops.monitoring.domain.model.metric.AggregationFunction.P50;
import static com.airdrops.monitoring.domain.model.metric.AggregationFunction.P90;
import static com.airdrops.monitoring.domain.model.metric.AggregationFunction.P95;
import static com.airdrops.monitoring.domain.model.metric.AggregationFunction.P99;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.airdrops.monitoring.domain.fakes.InMemoryAggregateStore;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricsAggregatorTest {
    /** A multiple of 300 s, so windows of 60 s and 300 s both start here. */
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private static final List<AggregationFunction> ALL = List.of(AggregationFunction.values());

    private InMemoryAggregateStore store = new InMemoryAggregateStore(1_000_000);

    @Test
    void aggregatesOneToAHundredExactly() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(300), ALL, 10);
        for (int i = 1; i <= 100; i++) {
            assertThat(aggregator.processMetrics(snapshot(T0.plusSeconds(i), sample("latency", i, T0.plusSeconds(i)))))
                    .isEmpty();
        }

        List<AggregatedMetric> closed = aggregator.processMetrics(snapshot(T0.plusSeconds(300)));

        Map<String, AggregatedMetric> byName = byName(closed);
        assertThat(byName.keySet())
                .containsExactlyInAnyOrder(
                        "latency_avg",
                        "latency_max",
                        "latency_min",
                        "latency_sum",
                        "latency_count",
                        "latency_last",
                        "latency_p50",
                        "latency_p90",
                        "latency_p95",
                        "latency_p99");
        assertThat(byName.get("latency_avg").value()).isEqualTo(50.5);
        assertThat(byName.get("latency_min").value()).isEqualTo(1);
        assertThat(byName.get("latency_max").value()).isEqualTo(100);
        assertThat(byName.get("latency_sum").value()).isEqualTo(5050);
        assertThat(byName.get("latency_count").value()).isEqualTo(100);
        assertThat(byName.get("latency_last").value()).isEqualTo(100);
        // Reference quantile: the value at rank q * (n - 1) of the sorted values (1-based values: rank + 1).
        assertThat(byName.get("latency_p50").value()).isCloseTo(50, within(0.5));
        assertThat(byName.get("latency_p90").value()).isCloseTo(90, within(0.9));
        assertThat(byName.get("latency_p95").value()).isCloseTo(95, within(0.95));
        assertThat(byName.get("latency_p99").value()).isCloseTo(99, within(0.99));
        assertThat(closed).allSatisfy(aggregate -> {
            assertThat(aggregate.timestamp()).isEqualTo(T0.plusSeconds(300));
            assertThat(aggregate.aggregationType())
                    .isEqualTo(aggregate.metricName().substring("latency_".length()));
        });
    }

    @Test
    void quantilesStayWithinOnePercentOfTheExactValueOnSkewedData() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(P50, P90, P95, P99), 10);
        Random random = new Random(42);
        double[] values = new double[10_000];
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextGaussian() * 2); // log-normal: spans several orders of magnitude
            samples.add(sample("rpc_seconds", values[i], T0.plusMillis(i)));
        }
        aggregator.processMetrics(new MetricsSnapshot(T0, Optional.empty(), List.of(), samples));
        Map<String, AggregatedMetric> byName = byName(aggregator.processMetrics(snapshot(T0.plusSeconds(60))));

        Arrays.sort(values);
        for (double q : new double[] {0.50, 0.90, 0.95, 0.99}) {
            double exact = values[(int) Math.floor(q * (values.length - 1))];
            String name = "rpc_seconds_p" + Math.round(q * 100);
            assertThat(byName.get(name).value()).as(name).isCloseTo(exact, within(exact * 0.01));
        }
    }

    @Test
    void windowsAreAlignedToMultiplesOfTheirSizeAndStampedWithTheirEnd() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(COUNT, LAST), 10);
        Instant lastMilliOfFirstWindow = T0.plusSeconds(59).plusMillis(999);

        aggregator.processMetrics(snapshot(T0.plusSeconds(10), sample("m", 1, T0.plusSeconds(10))));
        aggregator.processMetrics(snapshot(lastMilliOfFirstWindow, sample("m", 2, lastMilliOfFirstWindow)));
        List<AggregatedMetric> first =
                aggregator.processMetrics(snapshot(T0.plusSeconds(60), sample("m", 3, T0.plusSeconds(60))));
        List<AggregatedMetric> second = aggregator.processMetrics(snapshot(T0.plusSeconds(125)));

        assertThat(byName(first).get("m_count").value()).isEqualTo(2);
        assertThat(byName(first).get("m_last").value()).isEqualTo(2);
        assertThat(byName(first).get("m_count").timestamp()).isEqualTo(T0.plusSeconds(60));
        assertThat(byName(second).get("m_count").value()).isEqualTo(1);
        assertThat(byName(second).get("m_count").timestamp()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void eachSeriesKeepsItsLabelsAndAggregatesSeparately() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(AVG), 10);
        aggregator.processMetrics(snapshot(
                T0,
                new Sample("protocol_allocation_percent", Map.of("protocol", "scroll"), 40, T0),
                new Sample("protocol_allocation_percent", Map.of("protocol", "zksync"), 35, T0)));
        aggregator.processMetrics(snapshot(
                T0.plusSeconds(30),
                new Sample("protocol_allocation_percent", Map.of("protocol", "scroll"), 50, T0.plusSeconds(30))));

        List<AggregatedMetric> closed = aggregator.processMetrics(snapshot(T0.plusSeconds(60)));

        assertThat(closed)
                .extracting(AggregatedMetric::labels, AggregatedMetric::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Map.of("protocol", "scroll"), 45.0),
                        org.assertj.core.groups.Tuple.tuple(Map.of("protocol", "zksync"), 35.0));
    }

    @Test
    void aSampleForAClosedWindowIsCountedLateAndNotMerged() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(COUNT), 10);
        aggregator.processMetrics(snapshot(T0, sample("m", 1, T0)));
        aggregator.processMetrics(snapshot(T0.plusSeconds(60), sample("m", 1, T0.plusSeconds(60))));

        aggregator.processMetrics(snapshot(T0.plusSeconds(61), sample("m", 1, T0.plusSeconds(30))));
        List<AggregatedMetric> next = aggregator.processMetrics(snapshot(T0.plusSeconds(120)));

        assertThat(counter(aggregator, "monitoring_aggregation_dropped_samples_total", "late"))
                .isEqualTo(1);
        assertThat(aggregator.getAggregatedMetrics(T0, T0.plusSeconds(60), "m_count", 10))
                .singleElement()
                .extracting(AggregatedMetric::value)
                .isEqualTo(1.0);
        assertThat(byName(next).get("m_count").value()).isEqualTo(1);
    }

    @Test
    void seriesBeyondTheLimitAreDroppedAndCountedWhileKnownSeriesContinue() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(COUNT), 2);
        aggregator.processMetrics(
                snapshot(T0, sample("a", 1, T0), sample("b", 1, T0), sample("c", 1, T0), sample("a", 2, T0)));

        List<AggregatedMetric> closed = aggregator.processMetrics(snapshot(T0.plusSeconds(60)));

        assertThat(byName(closed).keySet()).containsExactlyInAnyOrder("a_count", "b_count");
        assertThat(byName(closed).get("a_count").value()).isEqualTo(2);
        assertThat(counter(aggregator, "monitoring_aggregation_dropped_samples_total", "series_limit"))
                .isEqualTo(1);
        assertThat(aggregator.seriesCount()).isEqualTo(2);
    }

    @Test
    void seriesWithoutSamplesForAWholeWindowAreForgottenAndFreeTheirPlace() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(COUNT), 1);
        aggregator.processMetrics(snapshot(T0, sample("old", 1, T0)));
        aggregator.processMetrics(snapshot(T0.plusSeconds(60)));
        aggregator.processMetrics(snapshot(T0.plusSeconds(120), sample("new", 1, T0.plusSeconds(120))));

        assertThat(aggregator.seriesCount()).isEqualTo(1);
        assertThat(counter(aggregator, "monitoring_aggregation_evicted_series_total", null))
                .isEqualTo(1);
        assertThat(byName(aggregator.processMetrics(snapshot(T0.plusSeconds(180)))))
                .containsKey("new_count");
    }

    @Test
    void nonFiniteValuesAreDroppedAndCounted() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(AVG), 10);
        aggregator.processMetrics(snapshot(
                T0, sample("m", Double.NaN, T0), sample("m", 4, T0), sample("m", Double.POSITIVE_INFINITY, T0)));

        assertThat(byName(aggregator.processMetrics(snapshot(T0.plusSeconds(60))))
                        .get("m_avg")
                        .value())
                .isEqualTo(4);
        assertThat(counter(aggregator, "monitoring_aggregation_dropped_samples_total", "not_finite"))
                .isEqualTo(2);
    }

    @Test
    void retentionDeletesAggregatesOlderThanThePeriodAndCountsThem() {
        store = new InMemoryAggregateStore(1_000);
        MetricsAggregator aggregator = new MetricsAggregator(
                new AggregationSettings(Duration.ofSeconds(60), List.of(MAX), Duration.ofMinutes(3), 10, 10), store);
        for (int minute = 0; minute <= 6; minute++) {
            Instant at = T0.plusSeconds(60L * minute);
            aggregator.processMetrics(snapshot(at, sample("m", minute, at)));
        }

        // At 12:06 the aggregates stamped 12:01 and 12:02 are more than 3 minutes old.
        assertThat(aggregator.getAggregatedMetrics(T0, T0.plusSeconds(3600), "", 100))
                .extracting(AggregatedMetric::timestamp)
                .containsExactly(T0.plusSeconds(180), T0.plusSeconds(240), T0.plusSeconds(300), T0.plusSeconds(360));
        assertThat(counter(aggregator, "monitoring_aggregates_expired_total", null))
                .isEqualTo(2);
    }

    @Test
    void aFullStoreDropsItsOldestAggregatesAndCountsThem() {
        store = new InMemoryAggregateStore(3);
        store.append(List.of(aggregate(1), aggregate(2), aggregate(3), aggregate(4), aggregate(5)));

        assertThat(store.query(T0, T0.plusSeconds(10), "", 10))
                .extracting(AggregatedMetric::value)
                .containsExactly(3.0, 4.0, 5.0);
        assertThat(store.dropped()).isEqualTo(2);
    }

    @Test
    void queriesFilterByTimeRangeNameAndLimit() {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(AVG, MAX), 10);
        for (int minute = 0; minute <= 3; minute++) {
            Instant at = T0.plusSeconds(60L * minute);
            aggregator.processMetrics(
                    snapshot(at, sample("system_cpu_usage_percent", minute, at), sample("risk_level", 1, at)));
        }

        assertThat(aggregator.getAggregatedMetrics(T0.plusSeconds(120), T0.plusSeconds(180), "system_cpu", 100))
                .extracting(AggregatedMetric::metricName, AggregatedMetric::timestamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("system_cpu_usage_percent_avg", T0.plusSeconds(120)),
                        org.assertj.core.groups.Tuple.tuple("system_cpu_usage_percent_max", T0.plusSeconds(120)),
                        org.assertj.core.groups.Tuple.tuple("system_cpu_usage_percent_avg", T0.plusSeconds(180)),
                        org.assertj.core.groups.Tuple.tuple("system_cpu_usage_percent_max", T0.plusSeconds(180)));
        assertThat(aggregator.getAggregatedMetrics(T0, T0.plusSeconds(180), "", 3))
                .hasSize(3);
    }

    @Test
    void aFullBufferDropsTheOldestSnapshotAndCountsIt() throws InterruptedException {
        MetricsAggregator aggregator = aggregator(Duration.ofSeconds(60), List.of(COUNT), 10);
        aggregator.publish(snapshot(T0, sample("m", 1, T0)));
        aggregator.publish(snapshot(T0.plusSeconds(1), sample("m", 1, T0.plusSeconds(1))));
        aggregator.publish(snapshot(T0.plusSeconds(2), sample("m", 1, T0.plusSeconds(2))));
        aggregator.publish(snapshot(T0.plusSeconds(3), sample("m", 1, T0.plusSeconds(3))));

        assertThat(aggregator.processBuffered(Duration.ZERO)).isEqualTo(3);
        assertThat(counter(aggregator, "monitoring_aggregation_dropped_snapshots_total", null))
                .isEqualTo(1);
        assertThat(byName(aggregator.processMetrics(snapshot(T0.plusSeconds(60))))
                        .get("m_count")
                        .value())
                .isEqualTo(3);
        assertThat(aggregator.processBuffered(Duration.ZERO)).isZero();
    }

    private MetricsAggregator aggregator(Duration window, List<AggregationFunction> functions, int maxSeries) {
        return new MetricsAggregator(
                new AggregationSettings(window, functions, Duration.ofHours(168), 3, maxSeries), store);
    }

    static MetricsSnapshot snapshot(Instant at, Sample... samples) {
        return new MetricsSnapshot(at, Optional.empty(), List.of(), List.of(samples));
    }

    static Sample sample(String name, double value, Instant at) {
        return Sample.of(name, value, at);
    }

    private static AggregatedMetric aggregate(double value) {
        return new AggregatedMetric("m_max", value, T0, Map.of(), "max");
    }

    private static Map<String, AggregatedMetric> byName(List<AggregatedMetric> aggregates) {
        return aggregates.stream().collect(Collectors.toMap(AggregatedMetric::metricName, Function.identity()));
    }

    static double counter(MetricsAggregator aggregator, String name, String reason) {
        return aggregator.samples(T0).stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample ->
                        reason == null || reason.equals(sample.labels().get("reason")))
                .mapToDouble(Sample::value)
                .findFirst()
                .orElseThrow();
    }
}
