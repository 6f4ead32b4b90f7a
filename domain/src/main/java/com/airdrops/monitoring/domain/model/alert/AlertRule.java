package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.metric.Labels;
import java.time.Duration;
import java.util.Map;

/**
 * A threshold on a metric that must hold for {@code forDuration} before its alert fires. {@code labels} are added to its alerts; {@code keepFiringFor} holds a firing alert through dips
 * shorter than it (zero: resolve at once).
 */
public record AlertRule(
        String name,
        String metricName,
        Condition condition,
        double threshold,
        AlertSeverity severity,
        String description,
        Duration forDuration,
        Map<String, String> labels,
        Duration keepFiringFor) {

    /** The default for-duration: 300 seconds. */
    public static final Duration DEFAULT_FOR_DURATION = Duration.ofSeconds(300);

    public AlertRule {
        Require.nonBlank(name, "rule name");
        Require.metricName(metricName, "metric_name");
        Require.nonNull(condition, "condition");
        Require.finite(threshold, "threshold");
        Require.nonNull(severity, "severity");
        description = description == null ? "" : description;
        forDuration = forDuration == null ? DEFAULT_FOR_DURATION : forDuration;
        if (forDuration.isNegative()) {
            throw new IllegalArgumentException("for_duration must be >= 0, got " + forDuration.toSeconds() + " s");
        }
        labels = Labels.of(labels, "label");
        keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
        if (keepFiringFor.isNegative()) {
            throw new IllegalArgumentException("keep_firing_for must be >= 0, got " + keepFiringFor.toSeconds() + " s");
        }
    }

    public AlertRule(
            String name,
            String metricName,
            Condition condition,
            double threshold,
            AlertSeverity severity,
            String description,
            Duration forDuration,
            Map<String, String> labels) {
        this(name, metricName, condition, threshold, severity, description, forDuration, labels, Duration.ZERO);
    }

    public AlertRule(
            String name,
            String metricName,
            Condition condition,
            double threshold,
            AlertSeverity severity,
            String description) {
        this(name, metricName, condition, threshold, severity, description, DEFAULT_FOR_DURATION, Map.of());
    }
}
