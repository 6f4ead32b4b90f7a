package com.airdrops.monitoring.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.fixtures.Regexes;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertPhase;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.alert.AlertTemplate;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.MatchKind;
import com.airdrops.monitoring.domain.model.alert.Pending;
import com.airdrops.monitoring.domain.model.alert.Resolved;
import com.airdrops.monitoring.domain.model.component.ComponentMetrics;
import com.airdrops.monitoring.domain.model.component.ComponentProblem;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.MetricDescriptor;
import com.airdrops.monitoring.domain.model.metric.MetricType;
import com.airdrops.monitoring.domain.model.metric.ReservedNames;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.metric.SystemMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainModelTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void systemMetricsRejectsPercentagesOutsideZeroToHundred() {
        assertThatThrownBy(() -> new SystemMetrics(101, 10, OptionalDouble.of(10), 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpuUsagePercent must be between 0 and 100, got 101.0");
        assertThatThrownBy(() -> new SystemMetrics(10, Double.NaN, OptionalDouble.of(10), 0, 0))
                .hasMessageContaining("memoryUsagePercent");
        assertThatThrownBy(() -> new SystemMetrics(10, 10, OptionalDouble.of(10), -1, 0))
                .hasMessage("networkBytesSent must be >= 0, got -1");
        assertThatThrownBy(() -> new SystemMetrics(10, 10, OptionalDouble.of(100.5), 0, 0))
                .hasMessageContaining("diskUsagePercent");
        assertThat(new SystemMetrics(10, 10, OptionalDouble.empty(), 0, 0).diskUsagePercent())
                .isEmpty();
    }

    @Test
    void componentMetricsNeedsAName() {
        assertThatThrownBy(() -> new ComponentMetrics(
                        " ",
                        "generic",
                        ComponentStatus.HEALTHY,
                        ComponentProblem.NONE,
                        0.1,
                        0,
                        1,
                        java.util.Optional.empty()))
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
    void alertRuleDefaultsToFiveMinutesAndRejectsNegativeDurations() {
        AlertRule rule = AlertRule.builder("cpu_high", "system_cpu_usage_percent", Condition.GT, 90, AlertSeverity.HIGH)
                .description("CPU")
                .build();
        assertThat(rule.forDuration()).isEqualTo(Duration.ofSeconds(300));
        assertThat(rule.labels()).isEmpty();
        assertThatThrownBy(() -> AlertRule.builder("r", "m", Condition.GT, 1, AlertSeverity.LOW)
                        .forDuration(Duration.ofSeconds(-1))
                        .build())
                .hasMessage("for_duration must be >= 0, got -1 s");
        assertThatThrownBy(() -> AlertRule.builder("r", "m", Condition.GT, Double.NaN, AlertSeverity.LOW)
                        .build())
                .hasMessageContaining("threshold must be a finite number");
    }

    @Test
    void anAlertsStatusAndInstantsComeFromItsPhase() {
        Instant pendingSince = NOW.minusSeconds(120);
        Instant firingSince = NOW.minusSeconds(60);
        Alert firing = alert(new Firing(pendingSince, firingSince));
        assertThat(firing.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(firing.pendingSince()).contains(pendingSince);
        assertThat(firing.firingSince()).contains(firingSince);
        assertThat(firing.resolvedAt()).isEmpty();

        Alert resolved = alert(new Resolved(firingSince, NOW));
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.firingSince()).contains(firingSince);
        assertThat(resolved.resolvedAt()).contains(NOW);

        Alert pending = alert(new Pending(pendingSince));
        assertThat(pending.status()).isEqualTo(AlertStatus.PENDING);
        assertThat(pending.firingSince()).isEmpty();
        assertThatThrownBy(() -> new Firing(pendingSince, null)).hasMessageContaining("since");
        assertThatThrownBy(() -> new Resolved(null, NOW)).hasMessageContaining("firingSince");
    }

    @Test
    void labelSetsAndNamesAreBoundedSoThatEverythingAcceptedCanBeStored() {
        assertThatThrownBy(() -> Sample.of("m".repeat(201), 1, NOW)).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> new Sample("m", Map.of("protocol", "x".repeat(1_025)), 1, NOW))
                .hasMessageContaining("'protocol' value is 1025 characters long; at most 1024");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("l" + i, "v");
        }
        assertThatThrownBy(() -> new Sample("m", many, 1, NOW)).hasMessageContaining("at most 32");
        assertThat(new Sample("m", Map.of("protocol", "x".repeat(1_024)), 1, NOW).labels())
                .hasSize(1);
    }

    private static Alert alert(AlertPhase phase) {
        return new Alert("r", "m", 1, 1, AlertSeverity.LOW, phase, "", NOW, Map.of());
    }

    @ParameterizedTest
    @CsvSource({
        "gt, 2, 1, true",
        "gt, 1, 1, false",
        "gte, 1, 1, true",
        "lt, 0, 1, true",
        "lte, 2, 1, false",
        "eq, 1, 1, true",
        "ne, 1, 1, false",
        "ne, 2, 1, true"
    })
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
        assertThatThrownBy(() -> Condition.parse("above"))
                .hasMessage("unknown condition 'above', allowed: gt, lt, eq, ne, gte, lte");
        assertThatThrownBy(() -> AlertSeverity.parse("urgent"))
                .hasMessage("unknown severity 'urgent', allowed: low, medium, high, critical");
        assertThatThrownBy(() -> AggregationFunction.parse("median_ish"))
                .hasMessage(
                        "unknown aggregation function 'median_ish', allowed: avg, max, min, sum, count, last, p50, p90, p95, p99");
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

    @ParameterizedTest
    @CsvSource({
        "up, a series Prometheus writes itself",
        "scrape_duration_seconds, a series Prometheus writes itself",
        "jvm_memory_used_bytes, the agent's own JVM and process metrics",
        "process_uptime_seconds, the agent's own JVM and process metrics",
        "risk_level, a metric of the agent itself",
        "component_errors, a metric of the agent itself",
        "queue_total, a suffix the Prometheus exposition reserves"
    })
    void aComponentGaugeMayNotPoseAsTheAgentsOrPrometheusOwnSeries(String name, String reason) {
        assertThat(ReservedNames.reservedReason(name))
                .hasValueSatisfying(text -> assertThat(text).contains(reason));
    }

    @Test
    void anOrdinaryComponentGaugeNameIsFree() {
        assertThat(ReservedNames.reservedReason("queue_depth")).isEmpty();
        assertThat(ReservedNames.reservedReason("uptime_hours")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "scheduler, scheduler, true",
        "scheduler, allocator, false",
        "'!=completed', failed, true",
        "'!=completed', completed, false",
        "'=~scroll|zk.*', zksync, true",
        "'=~scroll|zk.*', base, false",
        "'=~scroll', scroll2, false",
        "'!~zk.*', scroll, true",
        "'!~zk.*', zksync, false",
        "'=scheduler', scheduler, true",
        "'==~.*', '=~.*', true",
        "'==~.*', scheduler, false",
        "'=!=x', '!=x', true",
        "'=!=x', y, false"
    })
    void labelMatchersMatchWholeValues(String written, String value, boolean matches) {
        assertThat(Regexes.matcher("label", written).matches(Map.of("label", value)))
                .isEqualTo(matches);
    }

    @Test
    void aNestedQuantifierIsMatchedWithoutBacktracking() {
        LabelMatcher matcher = Regexes.matcher("wallet", "=~(a+)+$");
        String evil = "a".repeat(34) + "!";

        // A backtracking engine takes hours here; the bound only stops a hung test, it measures nothing.
        boolean matches = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> matcher.matches(Map.of("wallet", evil)));

        assertThat(matches).isFalse();
    }

    @Test
    void aRegexOnlyComesWithAnEngine() {
        assertThatThrownBy(() -> new LabelMatcher("a", MatchKind.MATCHES, "x.*"))
                .hasMessageContaining("regular expressions are not accepted here");
    }

    @Test
    void aBadRegexIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> Regexes.matcher("protocol", "=~scroll("))
                .hasMessageContaining("invalid regular expression 'scroll('");
    }

    @Test
    void aRenderedTextIsCutAtItsBound() {
        String rendered = AlertTemplate.render("{{ $labels.a }}".repeat(20), "r", Map.of("a", "x".repeat(1_024)), 1, 1);

        assertThat(rendered).hasSize(AlertTemplate.MAX_RENDERED_LENGTH).endsWith("x…");
    }

    @Test
    void templatesFillLabelsValueThresholdAndRuleAndRefuseUnknownVariables() {
        assertThat(AlertTemplate.render(
                        "{{ $labels.component }} at {{$value}} over {{ $threshold }} ({{ $rule }}; {{ $labels.none }})",
                        "r",
                        Map.of("component", "scheduler"),
                        0.07500001,
                        1234.5))
                .isEqualTo("scheduler at 0.075 over 1234.5 (r; )");
        assertThat(AlertTemplate.number(3.0)).isEqualTo("3");
        assertThatThrownBy(() -> AlertTemplate.validate("{{ $labels.x }} {{ $vlaue }} {{ .Value }}"))
                .hasMessageContaining("{{ $vlaue }}, {{ .Value }}");
        assertThatThrownBy(() -> AlertTemplate.validate("queue at {{ $value "))
                .hasMessageContaining("unclosed or stray '{{'");
        assertThatThrownBy(() -> AlertTemplate.validate("queue at {{ $value }")).hasMessageContaining("unclosed");
    }

    @ParameterizedTest
    @CsvSource({
        "gt, 80, 85, must be below the threshold",
        "lt, 10, 5, must be above the threshold",
        "eq, 1, 0, applies to gt, gte, lt and lte only"
    })
    void aRecoveryThresholdMustLieOnTheRecoverySide(
            String condition, double threshold, double recovery, String message) {
        assertThatThrownBy(() -> AlertRule.builder("r", "m", Condition.parse(condition), threshold, AlertSeverity.LOW)
                        .forDuration(Duration.ZERO)
                        .recoveryThreshold(OptionalDouble.of(recovery))
                        .build())
                .hasMessageContaining(message);
    }
}
