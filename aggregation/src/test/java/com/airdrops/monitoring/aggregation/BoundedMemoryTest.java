package com.airdrops.monitoring.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fakes.InMemoryAggregateStore;
import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import com.airdrops.monitoring.domain.model.metric.Labels;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A simulated day at 100,000 series, driven by sample timestamps: every structure stays within its bound. The module's
 * tests run in a 384 MiB heap (see its pom), so a structure that grew with time would fail here with an
 * OutOfMemoryError rather than pass.
 */
class BoundedMemoryTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-11-26T00:00:00Z");
    private static final int SERIES = 100_000;
    private static final int CHURN = 10_000;

    @Test
    void aDayOfAHundredThousandSeriesWithChurnStaysWithinEveryBound() {
        int maxStored = 300_000;
        InMemoryAggregateStore store = new InMemoryAggregateStore(maxStored);
        MetricsAggregator aggregator = new MetricsAggregator(
                new AggregationSettings(
                        Duration.ofMinutes(5), List.of(AggregationFunction.AVG), Duration.ofHours(168), 10, 125_000),
                store);
        List<Map<String, String>> labels = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) {
            labels.add(Labels.of(Map.of("wallet", "w" + i), "label"));
        }

        int windows = 24 * 12;
        int maxSeriesSeen = 0;
        for (int window = 0; window < windows; window++) {
            Instant at = MIDNIGHT.plus(Duration.ofMinutes(5L * window));
            List<Sample> samples = new ArrayList<>(SERIES);
            for (int i = 0; i < SERIES; i++) {
                // The last CHURN series are new each window (a fresh name), as when components come and go.
                String name = i < SERIES - CHURN ? "wallet_balance" : "job_" + window + "_seconds";
                samples.add(new Sample(name, labels.get(i), i, at));
            }
            aggregator.processMetrics(new MetricsSnapshot(at, Optional.empty(), List.of(), samples));
            maxSeriesSeen = Math.max(maxSeriesSeen, aggregator.seriesCount());
        }

        // Steady series + this window's new ones + last window's, not yet forgotten.
        assertThat(maxSeriesSeen).isLessThanOrEqualTo(SERIES + CHURN);
        assertThat(store.size()).isEqualTo(maxStored);
        assertThat(store.dropped()).isEqualTo((windows - 1L) * SERIES - maxStored);
        assertThat(MetricsAggregatorTest.counter(
                        aggregator, "monitoring_aggregation_dropped_samples_total", "series_limit"))
                .isZero();
        assertThat(MetricsAggregatorTest.counter(aggregator, "monitoring_aggregation_evicted_series_total", null))
                .isEqualTo((windows - 2.0) * CHURN);
    }
}
