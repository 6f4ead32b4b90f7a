package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.AlertSeverity;
import com.airdrops.monitoring.domain.model.AlertStatus;
import com.airdrops.monitoring.domain.model.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fixtures: notifications of the risk rule, firing and resolved. */
final class Alerts {
    static final Instant FIRED = Instant.parse("2026-11-26T12:00:03Z");
    static final Instant RESOLVED = Instant.parse("2026-11-26T12:10:00Z");

    private Alerts() {
    }

    static Alert firing() {
        return new Alert("risk_level_critical", "risk_level", 3, 3, AlertSeverity.CRITICAL, AlertStatus.FIRING,
                "RiskManager reports a critical risk level", FIRED, Map.of("team", "risk"), Optional.of(FIRED), Optional.empty());
    }

    static Alert resolved() {
        return new Alert("risk_level_critical", "risk_level", 1, 3, AlertSeverity.CRITICAL, AlertStatus.RESOLVED,
                "RiskManager reports a critical risk level", RESOLVED, Map.of("team", "risk"), Optional.of(FIRED),
                Optional.of(RESOLVED));
    }

    static Notification notification(Alert... alerts) {
        return new Notification("event-42", "channel", List.of(alerts), 0);
    }
}
