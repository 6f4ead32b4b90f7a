package com.airdrops.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.NoDataState;
import com.airdrops.monitoring.domain.model.alert.RuleWindow;
import com.airdrops.monitoring.domain.model.alert.WindowFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesFileTest {
    @TempDir
    Path dir;

    @Test
    void theShippedRulesLoad() {
        List<AlertRule> rules = AlertRulesFile.load(Path.of("alert_rules.yaml"), Map.of());
        assertThat(rules)
                .extracting(AlertRule::name)
                .containsExactly(
                        "cpu_high",
                        "memory_high",
                        "disk_almost_full",
                        "risk_level_critical",
                        "circuit_breaker_active",
                        "component_unhealthy",
                        "component_down",
                        "component_stopped",
                        "portfolio_drawdown_high",
                        "tasks_failing",
                        "component_errors_frequent",
                        "scheduler_not_running");
    }

    @Test
    void readsEveryField() throws IOException {
        Path file = write("""
                rules:
                  - name: risk_critical
                    metric_name: risk_level
                    condition: gte
                    threshold: 3
                    severity: critical
                    description: Risk is critical
                    for_duration: 3
                    keep_firing_for: 30.5
                    labels: { team: "${TEAM}" }
                  - { name: cpu, metric_name: system_cpu_usage_percent_avg, condition: gt, threshold: 90.5, severity: high }
                """);

        List<AlertRule> rules = AlertRulesFile.load(file, Map.of("TEAM", "risk"));

        assertThat(rules.get(0))
                .isEqualTo(AlertRule.builder("risk_critical", "risk_level", Condition.GTE, 3, AlertSeverity.CRITICAL)
                        .description("Risk is critical")
                        .forDuration(Duration.ofSeconds(3))
                        .labels(Map.of("team", "risk"))
                        .keepFiringFor(Duration.ofMillis(30_500))
                        .build());
        assertThat(rules.get(1).forDuration()).isEqualTo(Duration.ofSeconds(300));
        assertThat(rules.get(1).threshold()).isEqualTo(90.5);
    }

    @Test
    void everyProblemIsReportedWithFileLineColumnAndField() throws IOException {
        Path file = write("""
                rules:
                  - name: a
                    metric_name: risk_level
                    condition: above
                    threshold: lots
                    severity: urgent
                    for_duration: -5
                  - name: a
                    metric_name: 9lives
                    condition: gt
                    threshold: 1
                    severity: low
                    thresold: 2
                """);

        assertThatThrownBy(() -> AlertRulesFile.load(file, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        file
                                                + ":4:16: rules[0].condition: unknown condition 'above', allowed: gt, lt, eq, ne, gte, lte",
                                        file + ":5:16: rules[0].threshold: expected a finite number, got 'lots'",
                                        file
                                                + ":6:15: rules[0].severity: unknown severity 'urgent', allowed: low, medium, high, critical",
                                        file
                                                + ":7:19: rules[0].for_duration: expected a number from 0 to 31536000, got -5",
                                        file
                                                + ":13:15: rules[1].thresold: unknown field; allowed: condition, description, for_duration, "
                                                + "function, keep_firing_for, labels, matchers, metric_name, name, no_data, over, "
                                                + "recovery_threshold, severity, summary, threshold",
                                        file
                                                + ":9:18: rules[1].metric_name: metric_name '9lives' is not a valid metric name: use letters, "
                                                + "digits, '_' and ':' and do not start with a digit"));
    }

    @Test
    void matchersRecoveryThresholdAndTemplatesAreReadAndTheirMistakesLocated() throws IOException {
        Path good = write("""
                rules:
                  - name: scheduler_failing
                    metric_name: task_failures
                    condition: gt
                    threshold: 80
                    recovery_threshold: 70
                    severity: high
                    description: "{{ $labels.component }} failed {{ $value }} tasks"
                    matchers: { component: scheduler, protocol: "=~scroll|zk.*", status: "!=completed" }
                    no_data: { after_seconds: 120, state: keep_last }
                """);
        AlertRule rule = AlertRulesFile.load(good, Map.of()).getFirst();
        assertThat(rule.noData()).hasValueSatisfying(noData -> {
            assertThat(noData.after()).hasSeconds(120);
            assertThat(noData.state()).isEqualTo(NoDataState.KEEP_LAST);
        });
        assertThat(rule.recoveryThreshold()).hasValue(70);
        assertThat(rule.matchers())
                .extracting(LabelMatcher::written)
                .containsExactly("scheduler", "=~scroll|zk.*", "!=completed");

        Path bad = write("""
                rules:
                  - name: a
                    metric_name: m
                    condition: gt
                    threshold: 80
                    recovery_threshold: 90
                    severity: high
                    description: "{{ $vlaue }}"
                    matchers: { protocol: "=~scroll(", wallet: '=~(\\w|a)*\\1b' }
                    no_data: { after_seconds: 60, state: maybe }
                """);
        assertThatThrownBy(() -> AlertRulesFile.load(bad, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(line ->
                                        assertThat(line).contains(":8:", "rules[0].description", "{{ $vlaue }}"))
                                .anySatisfy(line -> assertThat(line)
                                        .contains(":9:", "rules[0].matchers.protocol", "invalid regular expression"))
                                .anySatisfy(line -> assertThat(line)
                                        .as("a backreference: RE2 refuses it, as Prometheus does")
                                        .contains(":9:", "rules[0].matchers.wallet", "(\\w|a)*\\1b", "RE2"))
                                .anySatisfy(line -> assertThat(line).contains(":6:", "must be below the threshold"))
                                .anySatisfy(line -> assertThat(line)
                                        .contains(":10:", "rules[0].no_data.state", "allowed: firing, ok, keep_last")));
    }

    @Test
    void aNotANumberThresholdIsRefusedWhereItStands() throws IOException {
        Path file = write("rules:\n  - { name: a, metric_name: m, condition: gt, threshold: .nan, severity: low }\n");
        assertThatThrownBy(() -> AlertRulesFile.load(file, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith(file + ":2:")
                                .contains("'.nan'"));
    }

    @Test
    void ruleNamesAreUnique() throws IOException {
        Path file = write("""
                rules:
                  - { name: a, metric_name: m, condition: gt, threshold: 1, severity: low }
                  - { name: a, metric_name: n, condition: gt, threshold: 1, severity: low }
                """);
        assertThatThrownBy(() -> AlertRulesFile.load(file, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(file + ":3:13: rules[1].name: duplicate rule name 'a'"));
    }

    @Test
    void controlCharactersAndLabelsTheAgentSetsItselfAreRefused() throws IOException {
        Path file = write("""
                rules:
                  - { name: cpu, metric_name: cpu, condition: gt, threshold: 1, severity: low,
                      description: "bad\\0desc", labels: { alertname: evil, team: "a\\u0001b" } }
                """);
        assertThatThrownBy(() -> AlertRulesFile.load(file, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(problem ->
                                        assertThat(problem).contains("rules[0].description: control characters"))
                                .anySatisfy(problem -> assertThat(problem).contains("'alertname' is set by the agent"))
                                .anySatisfy(problem ->
                                        assertThat(problem).contains("control characters are not allowed in a label")));
    }

    @Test
    void aWindowIsReadWithItsFunctionAndOver() throws IOException {
        Path file = write("""
                rules:
                  - { name: failing, metric_name: task_executions, condition: gt, threshold: 2, severity: high,
                      function: increase, over: 600, summary: "{{ $function }} over {{ $over }}" }
                """);
        AlertRule rule = AlertRulesFile.load(file, Map.of()).getFirst();
        assertThat(rule.window()).contains(new RuleWindow(WindowFunction.INCREASE, Duration.ofSeconds(600)));
    }

    @Test
    void aWindowWithoutOverOrOutOfRangeOrOnEqualityIsALocatedProblem() throws IOException {
        Path file = write("""
                rules:
                  - { name: a, metric_name: m, condition: gt, threshold: 1, severity: low, function: increase }
                  - { name: b, metric_name: m, condition: gt, threshold: 1, severity: low, function: rate, over: 0 }
                  - { name: c, metric_name: m, condition: gt, threshold: 1, severity: low, function: avg, over: 90000 }
                  - { name: d, metric_name: m, condition: eq, threshold: 1, severity: low, function: rate, over: 60 }
                  - { name: e, metric_name: m, condition: gt, threshold: 1, severity: low, over: 60 }
                  - { name: f, metric_name: m, condition: gt, threshold: 1, severity: low, function: sum, over: 60 }
                """);
        assertThatThrownBy(() -> AlertRulesFile.load(file, Map.of("METRICS_RETENTION_PERIOD_HOURS", "24")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .satisfiesExactly(
                                        p -> assertThat(p)
                                                .startsWith(file + ":2:")
                                                .contains("rules[0].function: missing required field 'over'"),
                                        p -> assertThat(p)
                                                .startsWith(file + ":3:")
                                                .contains("rules[1].over:")
                                                .contains("from 1"),
                                        p -> assertThat(p)
                                                .startsWith(file + ":4:")
                                                .contains("rules[2].over: over (90000 s) is longer than the metrics"
                                                        + " retention, METRICS_RETENTION_PERIOD_HOURS = 24 h"),
                                        p -> assertThat(p)
                                                .startsWith(file + ":5:")
                                                .contains("rules[3].condition: condition eq makes no sense on rate"),
                                        p -> assertThat(p)
                                                .startsWith(file + ":6:")
                                                .contains("rules[4].over: over needs a function"),
                                        p -> assertThat(p)
                                                .startsWith(file + ":7:")
                                                .contains("rules[5].function: unknown function 'sum', allowed:"
                                                        + " increase, rate, delta, avg, min, max, last_over,"
                                                        + " count_over, changes")));
    }

    @Test
    void anOverNotInWholeSecondsIsALocatedProblem() throws IOException {
        Path file = write("""
                rules:
                  - { name: b, metric_name: m, condition: gt, threshold: 1, severity: low, function: max, over: 40 }
                  - { name: c, metric_name: m, condition: gt, threshold: 1, severity: low, function: avg, over: 90.5 }
                """);
        assertThatThrownBy(() -> AlertRulesFile.load(file, Map.of("METRICS_COLLECTION_INTERVAL", "30")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        file + ":3:97: rules[1].over: expected a whole number of seconds, got 90.5"));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "rules", ".yaml"), yaml);
    }
}
