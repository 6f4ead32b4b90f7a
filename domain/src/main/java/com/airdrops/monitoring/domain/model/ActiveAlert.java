package com.airdrops.monitoring.domain.model;

import java.time.Instant;
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
        AlertStatus status,
        double currentValue,
        double threshold,
        String description,
        Instant pendingSince,
        Optional<Instant> firingSince) {

    public ActiveAlert {
        Require.nonBlank(fingerprint, "fingerprint");
        Require.nonBlank(ruleName, "ruleName");
        seriesLabels = Labels.of(seriesLabels, "label");
        labels = Labels.of(labels, "label");
        Require.nonNull(severity, "severity");
        if (status != AlertStatus.PENDING && status != AlertStatus.FIRING) {
            throw new IllegalArgumentException("an active alert is PENDING or FIRING, not " + status);
        }
        Require.nonNull(pendingSince, "pendingSince");
        firingSince = firingSince == null ? Optional.empty() : firingSince;
        if (status == AlertStatus.FIRING && firingSince.isEmpty()) {
            throw new IllegalArgumentException("a FIRING alert needs firingSince");
        }
        description = description == null ? "" : description;
    }

    /** This state as the seed's {@link Alert}, observed at {@code at}. */
    public Alert toAlert(Instant at) {
        return new Alert(ruleName, metricName, currentValue, threshold, severity, status, description, at, labels,
                firingSince, Optional.empty());
    }
}
