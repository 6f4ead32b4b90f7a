package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.ActiveAlert;
import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.AlertRule;
import com.airdrops.monitoring.domain.model.AlertSeverity;
import com.airdrops.monitoring.domain.model.AlertStatus;
import java.time.Instant;
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
    AlertStatus status = AlertStatus.PENDING;
    Instant pendingSince;
    Instant firingSince;
    double value;
    Instant lastHeld;
    long lastSeenPass;

    AlertState(String fingerprint, AlertRule rule, Map<String, String> seriesLabels, Map<String, String> labels,
               Instant pendingSince, double value) {
        this.fingerprint = fingerprint;
        this.ruleName = rule.name();
        this.seriesLabels = seriesLabels;
        this.labels = labels;
        this.pendingSince = pendingSince;
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
        this.status = alert.status();
        this.pendingSince = alert.pendingSince();
        this.firingSince = alert.firingSince().orElse(null);
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
    }

    Alert alert(AlertStatus shownStatus, Instant at, Optional<Instant> resolvedAt) {
        return new Alert(ruleName, metricName, value, threshold, severity, shownStatus, description, at, labels,
                Optional.ofNullable(firingSince), resolvedAt);
    }

    ActiveAlert toActive() {
        return new ActiveAlert(fingerprint, ruleName, metricName, seriesLabels, labels, severity, status, value, threshold,
                description, pendingSince, Optional.ofNullable(firingSince));
    }
}
