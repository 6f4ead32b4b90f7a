package com.airdrops.monitoring.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainModelTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void systemMetricsRejectsPercentagesOutsideZeroToHundred() {
        assertThatThrownBy(() -> new SystemMetrics(101, 10, 10, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpuUsagePercent must be between 0 and 100, got 101.0");
        assertThatThrownBy(() -> new SystemMetrics(10, Double.NaN, 10, 0, 0))
                .hasMessageContaining("memoryUsagePercent");
        assertThatThrownBy(() -> new SystemMetrics(10, 10, 10, -1, 0))
                .hasMessage("networkBytesSent must be >= 0, got -1");
    }

    @Test
    void componentMetricsNeedsAName() {
        assertThatThrownBy(() -> new ComponentMetrics(" ", ComponentStatus.HEALTHY, 0.1, 0, 1))
                .hasMessage("componentName must not be blank");
    }

    @Test
    void sampleNamesAndLabelsMustBeExposable() {
        assertThatThrownBy(() -> Sample.of("9lives", 1, NOW)).hasMessageContaining("not a valid metric name");
        assertThatThrownBy(() -> new Sample("ok", Map.of("bad-label", "x"), 1, NOW))
                .hasMessageContaining("'bad-label' is not a valid label name");
        assertThatThrownBy(() -> new Sample("ok", Map.of("__reserved", "x"), 1, NOW))
                .hasMessageContaining("'__reserved'");
    }

    @Test
    void sampleLabelsAreSortedAndImmutable() {
        Map<String, String> labels = new HashMap<>(Map.of("b", "2", "a", "1"));
        Sample sample = new Sample("m", labels, 1, NOW);
        labels.put("c", "3");
        assertThat(sample.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> sample.labels().put("d", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void alertRuleDefaultsToTheSeedsFiveMinutesAndRejectsNegativeDurations() {
        AlertRule rule = new AlertRule("cpu_high", "system_cpu_usage_percent", Condition.GT, 90, AlertSeverity.HIGH, "CPU");
        assertThat(rule.forDuration()).isEqualTo(Duration.ofSeconds(300));
        assertThat(rule.labels()).isEmpty();
        assertThatThrownBy(() -> new AlertRule("r", "m", Condition.GT, 1, AlertSeverity.LOW, "", Duration.ofSeconds(-1), null))
                .hasMessage("for_duration must be >= 0, got -1 s");
        assertThatThrownBy(() -> new AlertRule("r", "m", Condition.GT, Double.NaN, AlertSeverity.LOW, ""))
                .hasMessageContaining("threshold must be a finite number");
    }

    @Test
    void alertStatusMustMatchItsTimestamps() {
        assertThatThrownBy(() -> new Alert("r", "m", 1, 1, AlertSeverity.LOW, AlertStatus.FIRING, "", NOW, Map.of(),
                Optional.empty(), Optional.empty())).hasMessage("a FIRING alert needs firingSince");
        assertThatThrownBy(() -> new Alert("r", "m", 1, 1, AlertSeverity.LOW, AlertStatus.RESOLVED, "", NOW, Map.of(),
                Optional.of(NOW), Optional.empty())).hasMessage("a RESOLVED alert needs resolvedAt");
    }

    @ParameterizedTest
    @CsvSource({
        "gt, 2, 1, true", "gt, 1, 1, false", "gte, 1, 1, true", "lt, 0, 1, true", "lte, 2, 1, false",
        "eq, 1, 1, true", "ne, 1, 1, false", "ne, 2, 1, true"})
    void conditionsCompareValueWithThreshold(String condition, double value, double threshold, boolean holds) {
        assertThat(Condition.parse(condition).holds(value, threshold)).isEqualTo(holds);
    }

    @Test
    void nanNeverSatisfiesAnyCondition() {
        for (Condition condition : Condition.values()) {
            assertThat(condition.holds(Double.NaN, 1)).as(condition.name()).isFalse();
        }
    }

    @Test
    void parsingNamesTheAllowedValues() {
        assertThatThrownBy(() -> Condition.parse("above")).hasMessage("unknown condition 'above', allowed: gt, lt, eq, ne, gte, lte");
        assertThatThrownBy(() -> AlertSeverity.parse("urgent"))
                .hasMessage("unknown severity 'urgent', allowed: low, medium, high, critical");
        assertThatThrownBy(() -> AggregationFunction.parse("median_ish"))
                .hasMessage("unknown aggregation function 'median_ish', allowed: avg, max, min, sum, count, last, p50, p90, p95, p99");
        assertThat(AlertSeverity.parse(" HIGH ")).isEqualTo(AlertSeverity.HIGH);
    }

    @Test
    void onlyCountersEndInTotal() {
        assertThatThrownBy(() -> new MetricDescriptor("scheduled_tasks_total", MetricType.GAUGE, "h"))
                .hasMessageContaining("counters, and only counters, end in _total");
        assertThatThrownBy(() -> new MetricDescriptor("errors", MetricType.COUNTER, "h"))
                .hasMessageContaining("counters, and only counters, end in _total");
    }

    @Test
    void unknownMetricsAreDescribedAsComponentGaugesOrCounters() {
        assertThat(MetricCatalog.describe("queue_depth").type()).isEqualTo(MetricType.GAUGE);
        assertThat(MetricCatalog.describe("jobs_done_total").type()).isEqualTo(MetricType.COUNTER);
        assertThat(MetricCatalog.describe(MetricCatalog.NETWORK_SENT).type()).isEqualTo(MetricType.COUNTER);
        assertThat(MetricCatalog.describe(MetricCatalog.CPU_USAGE).help()).contains("percent");
    }
}
