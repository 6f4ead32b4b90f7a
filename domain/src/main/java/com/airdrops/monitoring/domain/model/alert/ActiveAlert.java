package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.metric.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persisted state of one pending or firing alert: enough to carry its timers over a restart. {@code seriesLabels}
 * identify the series the rule matched; {@code labels} are the alert's (series labels plus the rule's).
 */
public record ActiveAlert(
        String fingerprint,
        String ruleName,
        String metricName,
        Map<String, String> seriesLabels,
        Map<String, String> labels,
        AlertSeverity severity,
        ActivePhase phase,
        double currentValue,
        double threshold,
        String description,
        String summary,
        Optional<Acknowledgement> acknowledgement) {

    public ActiveAlert {
        Require.nonBlank(fingerprint, "fingerprint");
        Require.nonBlank(ruleName, "ruleName");
        seriesLabels = Labels.of(seriesLabels, "label");
        labels = Labels.of(labels, "label");
        Require.nonNull(severity, "severity");
        Require.nonNull(phase, "phase");
        description = description == null ? "" : description;
        summary = summary == null ? "" : summary;
        acknowledgement = acknowledgement == null ? Optional.empty() : acknowledgement;
    }

    /** An alert with no summary and no acknowledgement. */
    public ActiveAlert(
            String fingerprint,
            String ruleName,
            String metricName,
            Map<String, String> seriesLabels,
            Map<String, String> labels,
            AlertSeverity severity,
            ActivePhase phase,
            double currentValue,
            double threshold,
            String description) {
        this(
                fingerprint,
                ruleName,
                metricName,
                seriesLabels,
                labels,
                severity,
                phase,
                currentValue,
                threshold,
                description,
                "",
                Optional.empty());
    }

    public AlertStatus status() {
        return phase.status();
    }

    public Instant pendingSince() {
        return phase.pendingSince();
    }

    public Optional<Instant> firingSince() {
        return phase instanceof Firing firing ? Optional.of(firing.since()) : Optional.empty();
    }

    /** This state as an {@link Alert} observed at {@code at}. */
    public Alert toAlert(Instant at) {
        return toAlert(phase, at, new AlertMarks(List.of(), acknowledgement), AlertEvent.TRANSITION);
    }

    /** This alert shown in {@code shown} (its resolution, say) at {@code at}, with {@code marks}, as {@code event}. */
    public Alert toAlert(AlertPhase shown, Instant at, AlertMarks marks, AlertEvent event) {
        return new Alert(
                ruleName,
                metricName,
                currentValue,
                threshold,
                severity,
                shown,
                description,
                at,
                labels,
                summary,
                marks,
                event);
    }
}
