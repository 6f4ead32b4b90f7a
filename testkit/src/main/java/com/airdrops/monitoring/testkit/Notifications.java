package com.airdrops.monitoring.testkit;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notifications as the agent hands them to a channel. */
public final class Notifications {
    private Notifications() {}

    /** One firing alert of rule {@code risk_level_critical} on component {@code risk_manager}. */
    public static Notification firing(String channel) {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        Alert alert = new Alert(
                "risk_level_critical",
                "risk_level",
                3,
                3,
                AlertSeverity.CRITICAL,
                new Firing(now, now),
                "RiskManager reports a critical risk level",
                now,
                Map.of("component", "risk_manager"));
        return new Notification("test-event-1", channel, List.of(alert), 0);
    }
}
