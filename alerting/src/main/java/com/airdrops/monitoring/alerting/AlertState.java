package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.ActivePhase;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertEvent;
import com.airdrops.monitoring.domain.model.alert.AlertMarks;
import com.airdrops.monitoring.domain.model.alert.AlertPhase;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertTemplate;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.alert.Pending;
import com.airdrops.monitoring.domain.model.alert.Resolved;
import com.airdrops.monitoring.domain.model.alert.RuleWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable in-memory state of one pending or firing alert, with the rule fields it was created under (so that it
 * can still be resolved when its rule is removed). Not thread-safe; owned by the evaluating thread.
 */
final class AlertState {
    final String fingerprint;
    final String ruleName;
    final Map<String, String> seriesLabels;
    final Map<String, String> labels;
    String metricName;
    AlertSeverity severity;
    double threshold;
    String description;
    String summary;
    /** The rule's window, for the templates; empty for a restored alert until its rule is seen. */
    Optional<RuleWindow> window = Optional.empty();

    ActivePhase phase;
    double value;
    Instant lastHeld;
    long lastSeenPass;
    /** When this state was restored from the database; empty once its series has been seen again. */
    Optional<Instant> restoredAt = Optional.empty();
    /** The silences holding this alert back, as of the current pass. */
    List<String> silencedBy = List.of();
    /** Empty until someone acknowledges the alert. */
    Optional<Acknowledgement> acknowledgement = Optional.empty();

    AlertState(
            String fingerprint,
            AlertRule rule,
            Map<String, String> seriesLabels,
            Map<String, String> labels,
            Instant pendingSince,
            double value) {
        this.fingerprint = fingerprint;
        this.ruleName = rule.name();
        this.seriesLabels = seriesLabels;
        this.labels = labels;
        this.phase = new Pending(pendingSince);
        this.value = value;
        this.lastHeld = pendingSince;
        adopt(rule);
    }

    private AlertState(ActiveAlert alert, Instant now) {
        this.fingerprint = alert.fingerprint();
        this.ruleName = alert.ruleName();
        this.seriesLabels = alert.seriesLabels();
        this.labels = alert.labels();
        this.metricName = alert.metricName();
        this.severity = alert.severity();
        this.threshold = alert.threshold();
        this.description = alert.description();
        this.summary = alert.summary();
        this.acknowledgement = alert.acknowledgement();
        this.phase = alert.phase();
        this.value = alert.currentValue();
        // keep_firing_for counts from the restart: the agent did not see the condition during its downtime.
        this.lastHeld = now;
    }

    static AlertState restore(ActiveAlert alert, Instant now) {
        return new AlertState(alert, now);
    }

    /** Takes the rule's current fields (a reload may have changed its threshold, severity or description). */
    void adopt(AlertRule rule) {
        metricName = rule.metricName();
        severity = rule.severity();
        threshold = rule.threshold();
        description = rule.description();
        summary = rule.summary();
        window = rule.window();
    }

    /** The for-duration ran out at {@code at}. */
    void fire(Instant at) {
        phase = new Firing(phase.pendingSince(), at);
    }

    /** The alert as it stands, observed at {@code at}. */
    Alert alert(Instant at) {
        return alert(phase, at);
    }

    /** The alert resolving at {@code at}, after firing since {@code firing.since()}. */
    Alert resolved(Firing firing, Instant at) {
        return alert(new Resolved(firing.since(), at), at);
    }

    /** The alert as it stands, acknowledged at {@code at}: the history entry of the acknowledgement. */
    Alert acknowledged(Instant at) {
        return alert(phase, at, AlertEvent.ACKNOWLEDGED);
    }

    private Alert alert(AlertPhase shown, Instant at) {
        return alert(shown, at, AlertEvent.TRANSITION);
    }

    private Alert alert(AlertPhase shown, Instant at, AlertEvent event) {
        return toActive().toAlert(shown, at, new AlertMarks(silencedBy, acknowledgement), event);
    }

    /** A template with this alert's labels and value filled in. */
    private String rendered(String template) {
        return AlertTemplate.render(template, ruleName, labels, value, threshold, window);
    }

    ActiveAlert toActive() {
        return new ActiveAlert(
                fingerprint,
                ruleName,
                metricName,
                seriesLabels,
                labels,
                severity,
                phase,
                value,
                threshold,
                rendered(description),
                rendered(summary),
                acknowledgement);
    }
}
