package com.airdrops.monitoring.alerting;

import static com.airdrops.monitoring.domain.model.alert.AlertStatus.FIRING;
import static com.airdrops.monitoring.domain.model.alert.AlertStatus.PENDING;
import static com.airdrops.monitoring.domain.model.alert.AlertStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fakes.SilentNotificationPlanner;
import com.airdrops.monitoring.domain.fixtures.Regexes;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.NoData;
import com.airdrops.monitoring.domain.model.alert.NoDataState;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driving.AckOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlerterTest {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final AlertRule RISK = AlertRule.builder(
                    "risk_critical", "risk_level", Condition.GTE, 3, AlertSeverity.CRITICAL)
            .description("Risk level is critical")
            .forDuration(Duration.ofSeconds(3))
            .labels(Map.of("team", "risk"))
            .build();

    private final TestClock clock = TestClock.at(T0);
    private final InMemoryAlertRepository repository = new InMemoryAlertRepository();

    @Test
    void pendingThenFiringAfterTheForDurationThenResolved() {
        Alerter alerter = alerter(RISK);

        assertThat(statuses(at(0, alerter, risk(3)))).containsExactly(PENDING);
        assertThat(at(2, alerter, risk(3))).isEmpty();
        assertThat(statuses(at(3, alerter, risk(3)))).containsExactly(FIRING);
        assertThat(at(10, alerter, risk(3))).isEmpty();
        List<Alert> resolved = at(11, alerter, risk(1));

        assertThat(statuses(resolved)).containsExactly(RESOLVED);
        Alert alert = resolved.getFirst();
        assertThat(alert.firingSince()).contains(T0.plusSeconds(3));
        assertThat(alert.resolvedAt()).contains(T0.plusSeconds(11));
        assertThat(alert.currentValue()).isEqualTo(1);
        assertThat(alert.labels()).containsEntry("team", "risk");
        assertThat(alerter.getActiveAlerts()).isEmpty();
        assertThat(repository.loadActive()).isEmpty();
        assertThat(repository.history(T0, 10)).extracting(Alert::status).containsExactly(RESOLVED, FIRING, PENDING);
    }

    @Test
    void matchersNarrowTheSeriesARuleWatchesAndTheDescriptionNamesTheSeriesAndValue() {
        AlertRule scheduler = AlertRule.builder("tasks_failing", "task_failures", Condition.GT, 5, AlertSeverity.HIGH)
                .description(
                        "{{ $labels.component }} failed {{ $value }} tasks (limit {{ $threshold }}, rule {{ $rule }})")
                .forDuration(Duration.ZERO)
                .matchers(List.of(
                        Regexes.matcher("component", "scheduler"), Regexes.matcher("protocol", "=~scroll|zk.*")))
                .build();
        Alerter alerter = alerter(scheduler);

        List<Alert> fired = at(
                0,
                alerter,
                new Sample("task_failures", Map.of("component", "scheduler", "protocol", "scroll"), 7.5, T0),
                new Sample("task_failures", Map.of("component", "scheduler", "protocol", "zksync"), 9, T0),
                new Sample("task_failures", Map.of("component", "scheduler", "protocol", "base"), 9, T0),
                new Sample("task_failures", Map.of("component", "allocator", "protocol", "scroll"), 9, T0));

        assertThat(fired)
                .extracting(alert -> alert.labels().get("protocol"))
                .containsExactlyInAnyOrder("scroll", "zksync");
        assertThat(fired)
                .extracting(Alert::description)
                .contains("scheduler failed 7.5 tasks (limit 5, rule tasks_failing)");
    }

    @Test
    void aRecoveryThresholdKeepsAFiringAlertUntilTheValueCrossesIt() {
        AlertRule cpu = AlertRule.builder("cpu_high", "cpu", Condition.GT, 80, AlertSeverity.HIGH)
                .forDuration(Duration.ZERO)
                .recoveryThreshold(OptionalDouble.of(70))
                .build();
        Alerter alerter = alerter(cpu);

        assertThat(statuses(at(0, alerter, Sample.of("cpu", 85, T0)))).containsExactly(FIRING);
        assertThat(at(1, alerter, Sample.of("cpu", 75, T0)))
                .as("below 80, above 70: still firing")
                .isEmpty();
        assertThat(statuses(at(2, alerter, Sample.of("cpu", 65, T0)))).containsExactly(RESOLVED);
        assertThat(at(3, alerter, Sample.of("cpu", 75, T0)))
                .as("a new episode needs 80 again")
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // no_data state, then what the rule's alerts are at 0 s (firing on 95), 20 s (absent 20 s) and 40 s (40 s)
        "firing,    FIRING,  FIRING,  'RESOLVED,FIRING'",
        "ok,        FIRING,  FIRING,  RESOLVED",
        "keep_last, FIRING,  FIRING,  FIRING"
    })
    void aSeriesThatStopsGivesTheNoDataOutcomeAfterItsTime(String state, String at0, String at20, String at40) {
        AlertRule rule = noDataRule(
                "queue_deep",
                "queue_depth",
                Condition.GT,
                90,
                new NoData(Duration.ofSeconds(30), NoDataState.parse(state)));
        Alerter alerter = alerter(rule);
        Sample deep = new Sample("queue_depth", Map.of("component", "scheduler"), 95, T0);

        assertThat(statuses(at(0, alerter, deep))).containsExactly(AlertStatus.valueOf(at0));
        assertThat(activeStatuses(at(20, alerter), alerter)).containsExactly(AlertStatus.valueOf(at20));
        List<Alert> later = at(40, alerter);
        if (state.equals("firing")) {
            assertThat(statuses(later)).containsExactly(RESOLVED, FIRING);
            assertThat(later.get(1).labels()).containsEntry("reason", "nodata").containsEntry("component", "scheduler");
            List<Alert> back = at(50, alerter, deep);
            assertThat(back)
                    .as("the series is back: the no-data alert resolves, the rule fires again")
                    .extracting(alert -> alert.status() + " " + alert.labels().containsKey("reason"))
                    .containsExactlyInAnyOrder("RESOLVED true", "FIRING false");
        } else if (state.equals("ok")) {
            assertThat(statuses(later)).containsExactly(RESOLVED);
        } else {
            assertThat(later).isEmpty();
            assertThat(alerter.getActiveAlerts()).extracting(Alert::status).containsExactly(FIRING);
        }
    }

    @Test
    void aMetricThatNeverCameRaisesOneNoDataAlert() {
        AlertRule rule = noDataRule(
                "heartbeat", "bot_heartbeat", Condition.LT, 1, new NoData(Duration.ofSeconds(60), NoDataState.FIRING));
        Alerter alerter = alerter(rule);
        assertThat(at(0, alerter)).isEmpty();
        List<Alert> fired = at(60, alerter);
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(FIRING);
            assertThat(alert.labels()).containsExactly(Map.entry("reason", "nodata"));
        });

        // The metric comes at last, with labels of its own: the alert on the metric as a whole resolves.
        List<Alert> back = at(90, alerter, new Sample("bot_heartbeat", Map.of("component", "bot"), 5, T0));
        assertThat(back).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(alert.labels()).containsExactly(Map.entry("reason", "nodata"));
        });
        assertThat(alerter.getActiveAlerts()).isEmpty();
    }

    @Test
    void aZeroForDurationFiresAtOnce() {
        Alerter alerter = alerter(rule(Duration.ZERO, Duration.ZERO));
        List<Alert> first = at(0, alerter, risk(3));
        assertThat(statuses(first)).containsExactly(FIRING);
        assertThat(first.getFirst().firingSince()).contains(T0);
    }

    @Test
    void aPendingAlertWhoseConditionStopsHoldingGoesBackToInactiveSilently() {
        Alerter alerter = alerter(RISK);
        at(0, alerter, risk(3));
        assertThat(at(1, alerter, risk(2))).isEmpty();
        assertThat(alerter.getActiveAlerts()).isEmpty();
        // A new pending period starts from scratch.
        assertThat(statuses(at(2, alerter, risk(3)))).containsExactly(PENDING);
        assertThat(at(4, alerter, risk(3))).isEmpty();
        assertThat(statuses(at(5, alerter, risk(3)))).containsExactly(FIRING);
    }

    @Test
    void flappingValuesNeverFireWithoutHoldingForTheWholeDuration() {
        Alerter alerter = alerter(RISK);
        for (int second = 0; second < 20; second++) {
            List<Alert> changes = at(second, alerter, risk(second % 2 == 0 ? 3 : 0));
            assertThat(changes).extracting(Alert::status).doesNotContain(FIRING);
        }
    }

    @Test
    void keepFiringForHoldsThroughShortDips() {
        Alerter alerter = alerter(rule(Duration.ZERO, Duration.ofSeconds(5)));
        at(0, alerter, risk(3));
        assertThat(at(2, alerter, risk(0))).isEmpty();
        assertThat(at(4, alerter, risk(3))).isEmpty();
        assertThat(at(8, alerter, risk(0))).isEmpty();
        assertThat(statuses(at(9, alerter, risk(0)))).containsExactly(RESOLVED);
    }

    @Test
    void nanNeverMatchesAndEndsAFiringAlert() {
        Alerter alerter = alerter(rule(Duration.ZERO, Duration.ZERO));
        assertThat(at(0, alerter, risk(Double.NaN))).isEmpty();
        at(1, alerter, risk(3));
        assertThat(statuses(at(2, alerter, risk(Double.NaN)))).containsExactly(RESOLVED);
    }

    @Test
    void aSeriesThatDisappearsResolvesItsAlert() {
        Alerter alerter = alerter(rule(Duration.ZERO, Duration.ZERO));
        at(0, alerter, risk(3));
        List<Alert> gone = at(1, alerter);
        assertThat(statuses(gone)).containsExactly(RESOLVED);
        assertThat(gone.getFirst().currentValue()).isEqualTo(3);
    }

    @Test
    void eachMatchingSeriesHasItsOwnAlert() {
        AlertRule componentDown = AlertRule.builder(
                        "component_down", "component_status", Condition.EQ, 0, AlertSeverity.HIGH)
                .description("A component is unhealthy")
                .forDuration(Duration.ZERO)
                .build();
        Alerter alerter = alerter(componentDown);

        List<Alert> changes = at(
                0,
                alerter,
                new Sample("component_status", Map.of("component", "scheduler"), 0, T0),
                new Sample("component_status", Map.of("component", "risk_manager"), 1, T0),
                new Sample("component_status", Map.of("component", "wallet"), 0, T0));

        assertThat(changes)
                .extracting(alert -> alert.labels().get("component"))
                .containsExactlyInAnyOrder("scheduler", "wallet");
        assertThat(alerter.getActiveAlerts()).hasSize(2);
    }

    @Test
    void aRestoredAlertWaitsForItsSeriesToComeBackBeforeItResolves() {
        Alerter before = alerter(rule(Duration.ZERO, Duration.ZERO));
        at(0, before, risk(3));

        Alerter restarted = alerter(rule(Duration.ZERO, Duration.ZERO));
        assertThat(at(60, restarted))
                .as("a pushed series is back only with the next push")
                .isEmpty();
        assertThat(restarted.getActiveAlerts()).extracting(Alert::status).containsExactly(FIRING);
        assertThat(at(90, restarted, risk(3)))
                .as("back, still firing: nothing announced")
                .isEmpty();

        Alerter again = alerter(rule(Duration.ZERO, Duration.ZERO));
        assertThat(at(100, again)).isEmpty();
        assertThat(statuses(at(100 + (int) RuleEvaluator.RESTORE_GRACE.toSeconds(), again)))
                .as("gone for good")
                .containsExactly(RESOLVED);
    }

    @Test
    void aStandbyShowsNoAlertsOfItsOwnAndRestoresFromTheDatabaseWhenItLeads() {
        Alerter alerter = alerter(rule(Duration.ZERO, Duration.ZERO));
        at(0, alerter, risk(3));
        alerter.standBy();
        assertThat(alerter.getActiveAlerts()).isEmpty();
        alerter.restore();
        assertThat(alerter.getActiveAlerts()).extracting(Alert::status).containsExactly(FIRING);
    }

    @Test
    void aRestartKeepsThePendingTimerAndDoesNotAnnounceAFiringAlertAgain() {
        AlertRule cpu = AlertRule.builder("cpu_high", "system_cpu_usage_percent", Condition.GT, 90, AlertSeverity.HIGH)
                .description("CPU")
                .forDuration(Duration.ofSeconds(60))
                .build();
        Alerter first = alerter(RISK, cpu);
        at(0, first, risk(3), Sample.of("system_cpu_usage_percent", 95, T0));
        at(3, first, risk(3), Sample.of("system_cpu_usage_percent", 95, T0));

        Alerter restarted = alerter(RISK, cpu);
        assertThat(restarted.getActiveAlerts())
                .extracting(Alert::ruleName, Alert::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("risk_critical", FIRING),
                        org.assertj.core.groups.Tuple.tuple("cpu_high", PENDING));

        // Downtime counts toward for_duration: the CPU alert pending since 12:00:00 fires at 12:01:00.
        assertThat(at(30, restarted, risk(3), Sample.of("system_cpu_usage_percent", 95, T0)))
                .isEmpty();
        List<Alert> changes = at(60, restarted, risk(3), Sample.of("system_cpu_usage_percent", 95, T0));
        assertThat(changes)
                .extracting(Alert::ruleName, Alert::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cpu_high", FIRING));
        assertThat(repository.history(T0, 100))
                .filteredOn(alert -> alert.ruleName().equals("risk_critical"))
                .extracting(Alert::status)
                .containsExactly(FIRING, PENDING);
    }

    @Test
    void alertsOfARemovedRuleResolve() {
        Alerter alerter = alerter(rule(Duration.ZERO, Duration.ZERO));
        at(0, alerter, risk(3));
        alerter.loadAlertRules(List.of());
        List<Alert> changes = at(1, alerter, risk(3));
        assertThat(statuses(changes)).containsExactly(RESOLVED);
        assertThat(changes.getFirst().severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(repository.loadActive()).isEmpty();
    }

    @Test
    void aFailingDatabaseNeitherStopsEvaluationNorLosesTransitions() {
        AtomicBoolean down = new AtomicBoolean(true);
        InMemoryAlertRepository real = new InMemoryAlertRepository();
        Alerter alerter = new Alerter(new FlakyRepository(real, down), clock, new SilentNotificationPlanner());
        alerter.loadAlertRules(List.of(rule(Duration.ZERO, Duration.ZERO)));

        assertThat(statuses(at(0, alerter, risk(3)))).containsExactly(FIRING);
        assertThat(statuses(at(1, alerter, risk(0)))).containsExactly(RESOLVED);
        assertThat(real.history(T0, 10)).isEmpty();
        assertThat(alerter.samples(T0)).anySatisfy(sample -> {
            assertThat(sample.name()).isEqualTo("monitoring_alert_save_failures_total");
            assertThat(sample.value()).isEqualTo(2);
        });

        down.set(false);
        at(2, alerter, risk(0));
        assertThat(real.history(T0, 10))
                .as("the writer waits 1 s after the first failure, then 2 s: not tried again yet")
                .isEmpty();
        at(3, alerter, risk(0));
        assertThat(real.history(T0, 10)).extracting(Alert::status).containsExactly(RESOLVED, FIRING);
        assertThat(real.loadActive()).isEmpty();
    }

    @Test
    void activeAlertsAndHistoryAreQueryable() {
        Alerter alerter = alerter(RISK);
        at(0, alerter, risk(3));
        assertThat(alerter.getActiveAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(PENDING);
            assertThat(alert.ruleName()).isEqualTo("risk_critical");
        });
        clock.set(T0.plus(Duration.ofHours(7)));
        assertThat(alerter.getAlertHistory(6)).isEmpty();
        assertThat(alerter.getAlertHistory(8)).hasSize(1);
        assertThat(alerter.applyRetention(Duration.ofHours(1))).isEqualTo(1);
    }

    @Test
    void aRecordTheDatabaseRefusesIsQuarantinedAloneAndEveryOtherAlertIsStillSaved() {
        InMemoryAlertRepository real = new InMemoryAlertRepository();
        Alerter alerter = new Alerter(new RefusingRepository(real, "poison"), clock, new SilentNotificationPlanner());
        AlertRule poison = AlertRule.builder("poison", "risk_level", Condition.GTE, 3, AlertSeverity.LOW)
                .description("refused")
                .forDuration(Duration.ZERO)
                .build();
        alerter.loadAlertRules(List.of(rule(Duration.ZERO, Duration.ZERO), poison));

        at(0, alerter, risk(3));
        assertThat(real.history(T0, 10)).extracting(Alert::ruleName).containsExactly("risk_critical");
        assertThat(alerter.quarantined()).singleElement().satisfies(record -> {
            assertThat(record.ruleName()).isEqualTo("poison");
            assertThat(record.kind()).isEqualTo("alert");
            assertThat(record.reason()).contains("value too long");
        });
        assertThat(alerter.unsavedTransitions())
                .as("nothing waits: the refused record is set aside")
                .isZero();

        // Later passes are not blocked by the earlier refusal.
        at(1, alerter, risk(0));
        assertThat(real.history(T0, 10))
                .filteredOn(alert -> alert.ruleName().equals("risk_critical"))
                .extracting(Alert::status)
                .containsExactly(RESOLVED, FIRING);
        assertThat(alerter.samples(T0))
                .filteredOn(sample -> sample.name().equals("monitoring_alert_quarantined_records"))
                .singleElement()
                .extracting(Sample::value)
                .isEqualTo(2.0); // the poison alert's firing, then its resolution
    }

    private Alerter alerter(AlertRule... rules) {
        Alerter alerter = new Alerter(repository, clock, new SilentNotificationPlanner());
        alerter.loadAlertRules(List.of(rules));
        return alerter;
    }

    private static AlertRule rule(Duration forDuration, Duration keepFiringFor) {
        return AlertRule.builder("risk_critical", "risk_level", Condition.GTE, 3, AlertSeverity.CRITICAL)
                .description("Risk is critical")
                .forDuration(forDuration)
                .keepFiringFor(keepFiringFor)
                .build();
    }

    @Test
    void aSignedLinkAcknowledgesOnlyTheFiringEpisodeItWasMadeFor() {
        Alerter alerter = alerter(rule(Duration.ZERO, Duration.ZERO));
        at(0, alerter, risk(3));
        String fingerprint = alerter.getActiveAlerts().getFirst().fingerprint();
        Instant firstEpisode =
                alerter.getActiveAlerts().getFirst().firingSince().orElseThrow();
        at(10, alerter, risk(0));
        at(20, alerter, risk(3));
        Instant secondEpisode =
                alerter.getActiveAlerts().getFirst().firingSince().orElseThrow();

        assertThat(alerter.acknowledgeEpisode(fingerprint, firstEpisode, "signed-link"))
                .isEqualTo(new AckOutcome.OtherEpisode(fingerprint));
        assertThat(alerter.getActiveAlerts().getFirst().marks().acknowledgement())
                .isEmpty();
        assertThat(alerter.acknowledgeEpisode(fingerprint, secondEpisode, "signed-link"))
                .isInstanceOf(AckOutcome.Acknowledged.class);
        assertThat(alerter.getActiveAlerts().getFirst().marks().acknowledgement())
                .hasValueSatisfying(ack -> assertThat(ack.by()).isEqualTo("signed-link"));
    }

    private List<Alert> at(int seconds, Alerter alerter, Sample... samples) {
        clock.set(T0.plusSeconds(seconds));
        return alerter.evaluateRules(List.of(samples));
    }

    private static Sample risk(double level) {
        return Sample.of("risk_level", level, T0);
    }

    private static List<AlertStatus> statuses(List<Alert> alerts) {
        return alerts.stream().map(Alert::status).toList();
    }

    /** The in-memory storage behind a repository that only changes how it saves. */
    private interface SavingDifferently extends com.airdrops.monitoring.domain.port.driven.AlertRepository {
        InMemoryAlertRepository delegate();

        @Override
        default List<ActiveAlert> loadActive() {
            return delegate().loadActive();
        }

        @Override
        default com.airdrops.monitoring.domain.model.alert.HistoryPage history(
                Instant since,
                java.util.Optional<com.airdrops.monitoring.domain.model.alert.HistoryCursor> after,
                int limit,
                long maxTextChars,
                InstanceScope scope) {
            return delegate().history(since, after, limit, maxTextChars, scope);
        }

        @Override
        default long deleteHistoryOlderThan(Instant cutoff) {
            return delegate().deleteHistoryOlderThan(cutoff);
        }
    }

    /** Refuses, like a database would a value too long for its column, every change of one rule. */
    private record RefusingRepository(InMemoryAlertRepository delegate, String refusedRule)
            implements SavingDifferently {
        @Override
        public void save(AlertChanges changes) {
            boolean refused = changes.transitions().stream()
                            .anyMatch(alert -> alert.ruleName().equals(refusedRule))
                    || changes.upserts().stream()
                            .anyMatch(alert -> alert.ruleName().equals(refusedRule));
            if (refused) {
                throw new com.airdrops.monitoring.domain.port.driven.RefusedRecordException(
                        "saving alert changes failed: value too long for column RULE_NAME", null);
            }
            delegate.save(changes);
        }
    }

    /** Throws while {@code down} is set, as a database that is unreachable. */
    private record FlakyRepository(InMemoryAlertRepository delegate, AtomicBoolean down) implements SavingDifferently {
        @Override
        public void save(AlertChanges changes) {
            if (down.get()) {
                throw new com.airdrops.monitoring.domain.port.driven.PersistenceException("connection refused", null);
            }
            delegate.save(changes);
        }
    }

    private static List<AlertStatus> activeStatuses(List<Alert> transitions, Alerter alerter) {
        assertThat(transitions)
                .as("no transition while the series is absent but not long enough")
                .isEmpty();
        return alerter.getActiveAlerts().stream().map(Alert::status).toList();
    }

    /** A rule that fires at once, with the given no-data handling. */
    private static AlertRule noDataRule(
            String name, String metric, Condition condition, double threshold, NoData noData) {
        return AlertRule.builder(name, metric, condition, threshold, AlertSeverity.HIGH)
                .forDuration(Duration.ZERO)
                .noData(Optional.of(noData))
                .build();
    }
}
