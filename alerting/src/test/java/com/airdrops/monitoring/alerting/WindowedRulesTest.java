package com.airdrops.monitoring.alerting;

import static com.airdrops.monitoring.domain.model.alert.AlertStatus.FIRING;
import static com.airdrops.monitoring.domain.model.alert.AlertStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fakes.SilentNotificationPlanner;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.RuleWindow;
import com.airdrops.monitoring.domain.model.alert.WindowFunction;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.metric.SilentSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Rules on change: a counter's increase pages and resolves; a window that has not filled decides only what it can. */
class WindowedRulesTest {
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private static final Map<String, String> FAILED = Map.of("status", "failed");

    private final TestClock clock = TestClock.at(T0);
    private final InMemoryAlertRepository repository = new InMemoryAlertRepository();
    private final RuleWindows windows = new RuleWindows();

    private static AlertRule failingTasks() {
        return AlertRule.builder("tasks_failing", "task_executions", Condition.GT, 2, AlertSeverity.HIGH)
                .matchers(List.of(
                        com.airdrops.monitoring.domain.model.alert.LabelMatcher.parse("status", "failed", null)))
                .forDuration(Duration.ZERO)
                .summary("{{ $value }} failed tasks ({{ $function }} over {{ $over }})")
                .window(Optional.of(new RuleWindow(WindowFunction.INCREASE, Duration.ofSeconds(600))))
                .build();
    }

    @Test
    void threeFailuresInTenMinutesFireAtTheThirdAndResolveTenMinutesAfterTheLast() {
        Alerter alerter = alerter(failingTasks());
        Map<Integer, List<Alert>> transitions = new TreeMap<>();
        double failed = 40; // the bot's count since it started: earlier failures are not new ones
        for (int t = 0; t <= 1_400; t += 5) {
            if (t == 700 || t == 705 || t == 710) {
                failed++;
            }
            List<Alert> changed = at(t, alerter, new Sample("task_executions", FAILED, failed, clock.instant()));
            if (!changed.isEmpty()) {
                transitions.put(t, changed);
            }
        }
        assertThat(transitions).containsOnlyKeys(710, 1_300);
        assertThat(transitions.get(710)).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(FIRING);
            assertThat(alert.summary()).isEqualTo("3 failed tasks (increase over 10m)");
        });
        // The window at 1,300 s is [700 s, 1,300 s]: the sample before the first failure (695 s) has left it.
        assertThat(transitions.get(1_300)).extracting(Alert::status).containsExactly(RESOLVED);
    }

    @Test
    void aCounterResetIsNotReadAsADropNorItsRestartAsFailures() {
        Alerter alerter = alerter(failingTasks());
        double[] counts = {50, 51, 0, 0, 1, 1};
        List<Alert> changed = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            changed.addAll(
                    at(700 + 10 * i, alerter, new Sample("task_executions", FAILED, counts[i], clock.instant())));
        }
        assertThat(changed)
                .as("51 then a restart at 0 then 1: two failures, not 51")
                .isEmpty();
        changed.addAll(at(760, alerter, new Sample("task_executions", FAILED, 2, clock.instant())));
        assertThat(changed).extracting(Alert::status).containsExactly(FIRING);
        assertThat(changed.getFirst().currentValue()).isEqualTo(3);
    }

    @Test
    void beforeItsWindowHasFilledARuleDecidesOnlyWhatMoreSamplesCouldNotUndo() {
        AlertRule stalled = AlertRule.builder(
                        "executions_stalled", "task_executions", Condition.LT, 1, AlertSeverity.HIGH)
                .forDuration(Duration.ZERO)
                .window(Optional.of(new RuleWindow(WindowFunction.INCREASE, Duration.ofSeconds(600))))
                .build();
        Alerter alerter = alerter(failingTasks(), stalled);
        Map<String, String> completed = Map.of("status", "completed");
        assertThat(at(0, alerter, sample(completed, 5), sample(FAILED, 0))).isEmpty();
        assertThat(at(60, alerter, sample(completed, 5), sample(FAILED, 3)))
                .as("three failures a minute after the start page at once: a fuller window holds them too")
                .extracting(Alert::ruleName, Alert::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tasks_failing", FIRING));
        assertThat(at(590, alerter, sample(completed, 5), sample(FAILED, 3)))
                .as("no execution since the start, but the window is not full: no verdict on too few")
                .isEmpty();
        assertThat(windows.fills().get("executions_stalled").filled(clock.instant()))
                .isFalse();
        assertThat(at(600, alerter, sample(completed, 5), sample(FAILED, 3)))
                .as("filled: no completed execution in ten minutes")
                .extracting(Alert::ruleName, Alert::labels)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("executions_stalled", completed));
    }

    @Test
    void aRestoredAlertKeepsItsStateUntilTheWindowCanDecide() {
        Alerter first = alerter(failingTasks());
        at(0, first, sample(FAILED, 0));
        assertThat(at(10, first, sample(FAILED, 3))).extracting(Alert::status).containsExactly(FIRING);

        RuleWindows emptied = new RuleWindows();
        Alerter restarted = alerter(emptied, failingTasks());
        assertThat(at(300, restarted, sample(FAILED, 3)))
                .as("a restart empties the window: no increase seen yet, but no proof the failures stopped")
                .isEmpty();
        assertThat(restarted.getActiveAlerts()).extracting(Alert::status).containsExactly(FIRING);
        assertThat(at(900, restarted, sample(FAILED, 3)))
                .as("a full window without failures")
                .extracting(Alert::status)
                .containsExactly(RESOLVED);
    }

    @Test
    void seriesPastTheLimitAreRefusedAndCounted() {
        RuleWindows small = new RuleWindows(2);
        AlertRule any = windowed("errors", "component_errors_total", Condition.GT, 0, WindowFunction.INCREASE, 60);
        small.watch(List.of(any), T0);
        small.add(List.of(
                new Sample("component_errors_total", Map.of("component", "a"), 1, T0),
                new Sample("component_errors_total", Map.of("component", "b"), 1, T0),
                new Sample("component_errors_total", Map.of("component", "c"), 1, T0),
                new Sample("cpu", Map.of(), 1, T0)));
        assertThat(small.samples(T0))
                .extracting(Sample::name, Sample::value)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(MetricCatalog.RULE_WINDOW_SERIES, 2.0),
                        org.assertj.core.groups.Tuple.tuple(MetricCatalog.RULE_WINDOW_REFUSED_SAMPLES, 1.0));
        assertThat(small.fills().get("errors").series()).isEqualTo(2);
    }

    @Test
    void aSeriesThatComesLateIsJudgedOnlyOnceItsOwnWindowHasFilled() {
        AlertRule slow = windowed("jobs_slow", "jobs_done_total", Condition.LT, 0.5, WindowFunction.RATE, 300);
        Alerter alerter = alerter(slow);
        at(0, alerter);
        List<Alert> changed = new ArrayList<>();
        for (int t = 400; t <= 800; t += 10) {
            // One job a second from 400 s: the rule's window filled at 300 s, this series' own only at 700 s.
            changed.addAll(at(t, alerter, new Sample("jobs_done_total", Map.of(), t - 400, clock.instant())));
        }
        assertThat(changed)
                .as("20 jobs in the series' first 20 s are no rate of 0.07 over 300 s")
                .isEmpty();
    }

    @Test
    void aRateAboveItsThresholdPagesBeforeTheWindowHasFilledAsAnIncreaseDoes() {
        AlertRule fast = windowed("errors_fast", "errors_total", Condition.GT, 0.5, WindowFunction.RATE, 60);
        Alerter alerter = alerter(fast);
        at(0, alerter, new Sample("errors_total", Map.of(), 0, clock.instant()));
        assertThat(at(10, alerter, new Sample("errors_total", Map.of(), 40, clock.instant())))
                .as("40 errors in 10 s: at least 40 over the minute, whatever the rest of it holds")
                .extracting(Alert::status)
                .containsExactly(FIRING);
    }

    @Test
    void eachRuleHoldsItsShareOfTheSeriesLimitSoAWideRuleCannotStarveANarrowOne() {
        RuleWindows limited = new RuleWindows(4);
        AlertRule wide = windowed("any_status", "task_executions", Condition.GT, 100, WindowFunction.INCREASE, 600);
        limited.watch(List.of(wide, failingTasks()), T0);
        List<Sample> statuses = new ArrayList<>();
        for (String status : List.of("completed", "pending", "running", "retrying", "skipped", "failed")) {
            statuses.add(new Sample("task_executions", Map.of("status", status), 1, T0));
        }
        limited.add(statuses);
        assertThat(limited.fills().get("any_status").series()).isEqualTo(2);
        assertThat(limited.fills().get("any_status").refused()).isEqualTo(4);
        assertThat(limited.fills().get("tasks_failing").series())
                .as("the failed series still finds room")
                .isEqualTo(1);
        assertThat(limited.samples(T0))
                .filteredOn(sample -> sample.name().equals(MetricCatalog.RULE_WINDOW_REFUSED_SAMPLES))
                .extracting(sample -> sample.labels().get("rule"), Sample::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("any_status", 4.0),
                        org.assertj.core.groups.Tuple.tuple("tasks_failing", 0.0));
    }

    @Test
    void aWindowShorterThanTheSampleIntervalIsShownAsSparseNotLeftSilent() {
        AlertRule tooShort = windowed("errors_burst", "errors_total", Condition.GT, 0, WindowFunction.INCREASE, 10);
        Alerter alerter = alerter(tooShort);
        for (int t = 0; t <= 90; t += 30) {
            at(t, alerter, new Sample("errors_total", Map.of(), t, clock.instant())); // one sample each 30 s
        }
        assertThat(alerter.getActiveAlerts())
                .as("a single sample per window is no increase")
                .isEmpty();
        assertThat(alerter.windowFills().get("errors_burst").sparse()).isEqualTo(1);
    }

    @Test
    void aReloadShowsTheNewWindowAtOnceNotAtTheNextPass() {
        Alerter alerter = alerter(failingTasks());
        clock.set(T0.plusSeconds(100));
        alerter.loadAlertRules(
                List.of(AlertRule.builder("tasks_failing", "task_executions", Condition.GT, 2, AlertSeverity.HIGH)
                        .window(Optional.of(new RuleWindow(WindowFunction.INCREASE, Duration.ofSeconds(1_200))))
                        .build()));
        assertThat(alerter.windowFills().get("tasks_failing").filledAt()).isEqualTo(T0.plusSeconds(1_300));
    }

    @Test
    void anUnchangedRuleKeepsItsWindowAcrossAReloadAndAChangedOneStartsAfresh() {
        AlertRule rule = failingTasks();
        windows.watch(List.of(rule), T0);
        windows.add(List.of(new Sample("task_executions", FAILED, 1, T0)));
        windows.watch(
                List.of(
                        rule,
                        AlertRule.builder("other", "x", Condition.GT, 1, AlertSeverity.LOW)
                                .build()),
                T0.plusSeconds(30));
        assertThat(windows.fills().get("tasks_failing").series()).isEqualTo(1);
        assertThat(windows.fills().get("tasks_failing").since()).isEqualTo(T0);

        AlertRule longer = AlertRule.builder("tasks_failing", "task_executions", Condition.GT, 2, AlertSeverity.HIGH)
                .window(Optional.of(new RuleWindow(WindowFunction.INCREASE, Duration.ofSeconds(1_200))))
                .build();
        windows.watch(List.of(longer), T0.plusSeconds(60));
        assertThat(windows.fills().get("tasks_failing").series()).isZero();
        assertThat(windows.fills().get("tasks_failing").since()).isEqualTo(T0.plusSeconds(60));
    }

    /** A rule on {@code function} of {@code metric} over {@code seconds}, firing at once, severity high. */
    private static AlertRule windowed(
            String name, String metric, Condition condition, double threshold, WindowFunction function, int seconds) {
        return AlertRule.builder(name, metric, condition, threshold, AlertSeverity.HIGH)
                .forDuration(Duration.ZERO)
                .window(Optional.of(new RuleWindow(function, Duration.ofSeconds(seconds))))
                .build();
    }

    private Sample sample(Map<String, String> labels, double value) {
        return new Sample("task_executions", labels, value, clock.instant());
    }

    private List<Alert> at(int seconds, Alerter alerter, Sample... samples) {
        clock.set(T0.plusSeconds(seconds));
        List<Sample> stamped = new ArrayList<>();
        for (Sample sample : samples) {
            stamped.add(new Sample(sample.name(), sample.labels(), sample.value(), clock.instant()));
        }
        return alerter.evaluateRules(stamped, SilentSeries.NONE);
    }

    private Alerter alerter(AlertRule... rules) {
        return alerter(windows, rules);
    }

    private Alerter alerter(RuleWindows ruleWindows, AlertRule... rules) {
        Alerter alerter = new Alerter(
                repository,
                clock,
                new SilentNotificationPlanner(),
                Map.of(),
                Silencer.none(clock),
                com.airdrops.monitoring.domain.port.driven.FallbackOutbox.NONE,
                ruleWindows);
        alerter.loadAlertRules(List.of(rules));
        return alerter;
    }
}
