package com.airdrops.monitoring.domain.model.notification;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A notification channel, the severities it receives (all when the config names none), and its own repeat interval
 * when it overrides the policy's.
 */
public record ChannelRoute(
        NotificationChannel channel, Set<AlertSeverity> severities, Optional<Duration> repeatInterval) {
    public ChannelRoute {
        Require.nonNull(channel, "channel");
        severities = severities == null || severities.isEmpty()
                ? EnumSet.allOf(AlertSeverity.class)
                : Set.copyOf(severities);
        repeatInterval = repeatInterval == null ? Optional.empty() : repeatInterval;
    }

    public boolean receives(Alert alert) {
        return channel.enabled() && severities.contains(alert.severity());
    }
}
