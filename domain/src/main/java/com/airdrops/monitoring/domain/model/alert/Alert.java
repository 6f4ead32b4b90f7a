package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.metric.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One alert of one rule on one series at one point of its lifecycle: a transition, or an active alert as shown. */
public record Alert(
        String ruleName,
        String metricName,
        double currentValue,
        double threshold,
        AlertSeverity severity,
        AlertPhase phase,
        String description,
        Instant timestamp,
        Map<String, String> labels) {

    public Alert {
        Require.nonBlank(ruleName, "ruleName");
        Require.metricName(metricName, "metricName");
        Require.nonNull(severity, "severity");
        Require.nonNull(phase, "phase");
        description = description == null ? "" : description;
        Require.nonNull(timestamp, "timestamp");
        labels = Labels.of(labels, "label");
    }

    public AlertStatus status() {
        return phase.status();
    }

    /** When the alert started firing; empty while it is pending. */
    public Optional<Instant> firingSince() {
        return switch (phase) {
            case AlertPhase.Pending pending -> Optional.empty();
            case AlertPhase.Firing firing -> Optional.of(firing.since());
            case AlertPhase.Resolved resolved -> Optional.of(resolved.firingSince());
        };
    }

    /** When the alert resolved; empty unless it is resolved. */
    public Optional<Instant> resolvedAt() {
        return phase instanceof AlertPhase.Resolved resolved ? Optional.of(resolved.at()) : Optional.empty();
    }

    /** When the condition first held; empty for a resolved alert, which no longer needs it. */
    public Optional<Instant> pendingSince() {
        return phase instanceof AlertPhase.Active active ? Optional.of(active.pendingSince()) : Optional.empty();
    }
}
