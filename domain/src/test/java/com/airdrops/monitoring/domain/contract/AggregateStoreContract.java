package com.airdrops.monitoring.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AggregateStore} must have; each implementation's test extends this class. */
public abstract class AggregateStoreContract {
    protected static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private AggregateStore store;

    /** A store over empty storage holding at least 100 aggregates. */
    protected abstract AggregateStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void storedAggregatesComeBackWithEveryFieldOldestFirst() {
        AggregatedMetric cpu =
                new AggregatedMetric("system_cpu_usage_percent_avg", 12.5, T0.plusSeconds(300), Map.of(), "avg");
        AggregatedMetric scroll = new AggregatedMetric(
                "protocol_allocation_percent_p95", 40.25, T0.plusSeconds(600), Map.of("protocol", "scroll"), "p95");
        store.append(List.of(cpu));
        store.append(List.of(scroll));

        assertThat(store.query(T0, T0.plusSeconds(600), "", 10)).containsExactly(cpu, scroll);
    }

    @Test
    void queriesFilterByInclusiveTimeRangeNameSubstringAndLimit() {
        store.append(List.of(
                aggregate("system_cpu_usage_percent_avg", 0),
                aggregate("system_cpu_usage_percent_max", 300),
                aggregate("risk_level_max", 300),
                aggregate("system_cpu_usage_percent_avg", 600)));

        assertThat(store.query(T0.plusSeconds(300), T0.plusSeconds(600), "cpu", 10))
                .extracting(AggregatedMetric::metricName, AggregatedMetric::timestamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("system_cpu_usage_percent_max", T0.plusSeconds(300)),
                        org.assertj.core.groups.Tuple.tuple("system_cpu_usage_percent_avg", T0.plusSeconds(600)));
        assertThat(store.query(T0, T0.plusSeconds(600), "", 2)).hasSize(2);
    }

    @Test
    void theNameFilterIsALiteralSubstring() {
        store.append(List.of(aggregate("queue_depth_avg", 0), aggregate("queueXdepth_avg", 0)));
        assertThat(store.query(T0, T0, "queue_depth", 10))
                .extracting(AggregatedMetric::metricName)
                .containsExactly("queue_depth_avg");
        assertThat(store.query(T0, T0, "%", 10)).isEmpty();
    }

    @Test
    void retentionRemovesOnlyOlderAggregates() {
        store.append(List.of(aggregate("m_avg", 0), aggregate("m_avg", 300), aggregate("m_avg", 600)));

        assertThat(store.deleteOlderThan(T0.plusSeconds(300))).isEqualTo(1);
        assertThat(store.query(T0, T0.plusSeconds(600), "", 10))
                .extracting(AggregatedMetric::timestamp)
                .containsExactly(T0.plusSeconds(300), T0.plusSeconds(600));
    }

    private static AggregatedMetric aggregate(String name, long seconds) {
        return new AggregatedMetric(
                name, 1, T0.plusSeconds(seconds), Map.of(), name.substring(name.lastIndexOf('_') + 1));
    }
}
