package com.airdrops.monitoring.alerting;

import static com.airdrops.monitoring.domain.model.alert.AlertStatus.FIRING;
import static com.airdrops.monitoring.domain.model.alert.AlertStatus.PENDING;
import static com.airdrops.monitoring.domain.model.alert.AlertStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fakes.SilentNotificationPlanner;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.metric.SilentSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bot that stops reporting must never read as "all clear": the alerts on what it last reported keep their state
 * while it is silent, and change again only on what it reports once it is back.
 */
class SilentComponentAlertsTest {
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private static final SilentSeries NONE = SilentSeries.NONE;

    private final TestClock clock = TestClock.at(T0);
    private final InMemoryAlertRepository repository = new InMemoryAlertRepository();

    @Test
    void aFiringAlertOfASilentComponentStaysFiringUntilItReportsAgain() {
        Alerter alerter = alerter(Duration.ZERO);
        assertThat(statuses(at(0, alerter, NONE, risk(3)))).containsExactly(FIRING);

        assertThat(at(30, alerter, silent(risk(3))))
                .as("the bot died: its last report still says critical")
                .isEmpty();
        assertThat(at(3_600, alerter, silent(risk(3))))
                .as("an hour later, still")
                .isEmpty();
        assertThat(alerter.getActiveAlerts()).extracting(Alert::status).containsExactly(FIRING);

        assertThat(statuses(at(3_630, alerter, NONE, risk(1))))
                .as("back, and no longer critical")
                .containsExactly(RESOLVED);
    }

    @Test
    void aPendingAlertOfASilentComponentNeitherFiresNorEnds() {
        Alerter alerter = alerter(Duration.ofSeconds(60));
        assertThat(statuses(at(0, alerter, NONE, risk(3)))).containsExactly(PENDING);

        assertThat(at(120, alerter, silent(risk(3))))
                .as("no data is no proof the condition held")
                .isEmpty();
        assertThat(alerter.getActiveAlerts()).extracting(Alert::status).containsExactly(PENDING);
        assertThat(statuses(at(150, alerter, NONE, risk(3)))).containsExactly(FIRING);
    }

    @Test
    void aSilentComponentStartsNoAlertOnWhatItLastSaid() {
        Alerter alerter = alerter(Duration.ZERO);
        assertThat(at(0, alerter, silent(risk(3)))).isEmpty();
    }

    @Test
    void aRestoredAlertWaitsWhileAComponentIsUnheardSinceTheStart() {
        at(0, alerter(Duration.ZERO), NONE, risk(3));

        Alerter restarted = alerter(Duration.ZERO);
        SilentSeries unheard = new SilentSeries(List.of(), List.of("risk_manager"));
        int afterGrace = (int) RuleEvaluator.RESTORE_GRACE.toSeconds() + 60;
        assertThat(at(afterGrace, restarted, unheard))
                .as("the bot has not reported since the agent started: its alert is not resolved for that")
                .isEmpty();
        assertThat(restarted.getActiveAlerts()).extracting(Alert::status).containsExactly(FIRING);
        assertThat(statuses(at(afterGrace + 30, restarted, NONE)))
                .as("every component heard, the series gone: resolved")
                .containsExactly(RESOLVED);
    }

    private List<Alert> at(int seconds, Alerter alerter, SilentSeries silent, Sample... samples) {
        clock.set(T0.plusSeconds(seconds));
        return alerter.evaluateRules(List.of(samples), silent);
    }

    private static SilentSeries silent(Sample... lastKnown) {
        return new SilentSeries(List.of(lastKnown), List.of());
    }

    private Alerter alerter(Duration forDuration) {
        Alerter alerter = new Alerter(repository, clock, new SilentNotificationPlanner());
        alerter.loadAlertRules(
                List.of(AlertRule.builder("risk_critical", "risk_level", Condition.GTE, 3, AlertSeverity.CRITICAL)
                        .description("Risk is critical")
                        .forDuration(forDuration)
                        .build()));
        return alerter;
    }

    private static Sample risk(double level) {
        return Sample.of("risk_level", level, T0);
    }

    private static List<AlertStatus> statuses(List<Alert> alerts) {
        return alerts.stream().map(Alert::status).toList();
    }
}
