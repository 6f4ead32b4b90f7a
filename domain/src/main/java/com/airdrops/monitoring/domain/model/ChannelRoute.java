package com.airdrops.monitoring.domain.model;

import java.util.EnumSet;
import java.util.Set;

/** A notification channel and the severities it receives (all when the config names none). */
public record ChannelRoute(NotificationChannel channel, Set<AlertSeverity> severities) {
    public ChannelRoute {
        Require.nonNull(channel, "channel");
        severities = severities == null || severities.isEmpty() ? EnumSet.allOf(AlertSeverity.class) : Set.copyOf(severities);
    }

    public boolean receives(Alert alert) {
        return channel.enabled() && severities.contains(alert.severity());
    }
}
