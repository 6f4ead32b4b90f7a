package com.airdrops.monitoring.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One alert of one rule on one series at one point of its lifecycle, as the seed's {@code Alert}. */
public record Alert(
        String ruleName,
        String metricName,
        double currentValue,
        double threshold,
        AlertSeverity severity,
        AlertStatus status,
        String description,
        Instant timestamp,
        Map<String, String> labels,
        Optional<Instant> firingSince,
        Optional<Instant> resolvedAt) {

    public Alert {
        Require.nonBlank(ruleName, "ruleName");
        Require.metricName(metricName, "metricName");
        Require.nonNull(severity, "severity");
        Require.nonNull(status, "status");
        description = description == null ? "" : description;
        Require.nonNull(timestamp, "timestamp");
        labels = Labels.of(labels, "label");
        firingSince = firingSince == null ? Optional.empty() : firingSince;
        resolvedAt = resolvedAt == null ? Optional.empty() : resolvedAt;
        if (status == AlertStatus.RESOLVED && resolvedAt.isEmpty()) {
            throw new IllegalArgumentException("a RESOLVED alert needs resolvedAt");
        }
        if (status == AlertStatus.FIRING && firingSince.isEmpty()) {
            throw new IllegalArgumentException("a FIRING alert needs firingSince");
        }
    }
}
