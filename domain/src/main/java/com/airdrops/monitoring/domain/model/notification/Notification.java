package com.airdrops.monitoring.domain.model.notification;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import java.util.List;

/**
 * One message to one channel: the alerts one evaluation pass sends there (FIRING, RESOLVED or a FIRING reminder),
 * or a digest of messages folded by the rate limit ({@code foldedMessages > 0}). {@code eventId} is the same on
 * every attempt, so receivers can drop duplicates.
 */
public record Notification(String eventId, String channel, List<Alert> alerts, int foldedMessages) {
    public Notification {
        Require.nonBlank(eventId, "eventId");
        Require.nonBlank(channel, "channel");
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a notification carries at least one alert");
        }
    }

    public boolean isDigest() {
        return foldedMessages > 0;
    }

    /** FIRING when any alert fires, RESOLVED when all are resolved (as Alertmanager groups). */
    public AlertStatus groupStatus() {
        return alerts.stream().anyMatch(alert -> alert.status() != AlertStatus.RESOLVED)
                ? AlertStatus.FIRING
                : AlertStatus.RESOLVED;
    }

    public AlertSeverity highestSeverity() {
        return alerts.stream().map(Alert::severity).max(Enum::compareTo).orElseThrow();
    }
}
