package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.metric.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One alert of one rule on one series at one point of its lifecycle: a transition (or an acknowledgement, as its
 * {@code event} says), or an active alert as shown. {@code summary} and {@code description} are rendered text.
 */
public record Alert(
        String ruleName,
        String metricName,
        double currentValue,
        double threshold,
        AlertSeverity severity,
        AlertPhase phase,
        String description,
        Instant timestamp,
        Map<String, String> labels,
        String summary,
        AlertMarks marks,
        AlertEvent event) {

    public Alert {
        Require.nonBlank(ruleName, "ruleName");
        Require.metricName(metricName, "metricName");
        Require.nonNull(severity, "severity");
        Require.nonNull(phase, "phase");
        description = description == null ? "" : description;
        Require.nonNull(timestamp, "timestamp");
        labels = Labels.of(labels, "label");
        summary = summary == null ? "" : summary;
        marks = marks == null ? AlertMarks.NONE : marks;
        event = event == null ? AlertEvent.TRANSITION : event;
    }

    /** A transition with no summary and no marks. */
    public Alert(
            String ruleName,
            String metricName,
            double currentValue,
            double threshold,
            AlertSeverity severity,
            AlertPhase phase,
            String description,
            Instant timestamp,
            Map<String, String> labels) {
        this(
                ruleName,
                metricName,
                currentValue,
                threshold,
                severity,
                phase,
                description,
                timestamp,
                labels,
                "",
                AlertMarks.NONE,
                AlertEvent.TRANSITION);
    }

    /** Identifies the alert across its lifecycle: its rule and labels. */
    public String fingerprint() {
        return AlertFingerprint.of(ruleName, labels);
    }

    public Alert withMarks(AlertMarks newMarks) {
        return with(newMarks, event);
    }

    /** The same alert as the entry of {@code newEvent}, e.g. its acknowledgement. */
    public Alert withEvent(AlertEvent newEvent) {
        return with(marks, newEvent);
    }

    private Alert with(AlertMarks newMarks, AlertEvent newEvent) {
        return new Alert(
                ruleName,
                metricName,
                currentValue,
                threshold,
                severity,
                phase,
                description,
                timestamp,
                labels,
                summary,
                newMarks,
                newEvent);
    }

    public AlertStatus status() {
        return phase.status();
    }

    /** When the alert started firing; empty while it is pending. */
    public Optional<Instant> firingSince() {
        return switch (phase) {
            case Pending pending -> Optional.empty();
            case Firing firing -> Optional.of(firing.since());
            case Resolved resolved -> Optional.of(resolved.firingSince());
        };
    }

    /** When the alert resolved; empty unless it is resolved. */
    public Optional<Instant> resolvedAt() {
        return phase instanceof Resolved resolved ? Optional.of(resolved.at()) : Optional.empty();
    }

    /** When the condition first held; empty for a resolved alert, which no longer needs it. */
    public Optional<Instant> pendingSince() {
        return phase instanceof ActivePhase active ? Optional.of(active.pendingSince()) : Optional.empty();
    }
}
