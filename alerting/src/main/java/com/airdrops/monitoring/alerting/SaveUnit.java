package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertFingerprint;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest part of a pass's changes that can be saved alone: everything about one alert (its state written or
 * removed, its transitions), or one notification.
 */
sealed interface SaveUnit permits AlertSave, NotificationSave {
    AlertChanges changes();

    /** Splits {@code changes} per alert fingerprint, then per notification, keeping their order. */
    static List<SaveUnit> split(AlertChanges changes) {
        Map<String, List<ActiveAlert>> upserts = new LinkedHashMap<>();
        Map<String, List<String>> removals = new LinkedHashMap<>();
        Map<String, List<Alert>> transitions = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        for (ActiveAlert alert : changes.upserts()) {
            upserts.computeIfAbsent(alert.fingerprint(), key -> new ArrayList<>())
                    .add(alert);
            rules.putIfAbsent(alert.fingerprint(), alert.ruleName());
        }
        for (String fingerprint : changes.removedFingerprints()) {
            removals.computeIfAbsent(fingerprint, key -> new ArrayList<>()).add(fingerprint);
            rules.putIfAbsent(fingerprint, "");
        }
        for (Alert alert : changes.transitions()) {
            String fingerprint = AlertFingerprint.of(alert.ruleName(), alert.labels());
            transitions.computeIfAbsent(fingerprint, key -> new ArrayList<>()).add(alert);
            rules.put(fingerprint, alert.ruleName());
        }
        List<SaveUnit> units = new ArrayList<>();
        rules.forEach((fingerprint, rule) -> units.add(new AlertSave(
                rule,
                fingerprint,
                new AlertChanges(
                        upserts.getOrDefault(fingerprint, List.of()),
                        removals.getOrDefault(fingerprint, List.of()),
                        transitions.getOrDefault(fingerprint, List.of()),
                        List.of()))));
        for (Notification notification : changes.notifications()) {
            units.add(new NotificationSave(
                    notification.alerts().getFirst().ruleName(),
                    notification.eventId(),
                    new AlertChanges(List.of(), List.of(), List.of(), List.of(notification))));
        }
        return units;
    }

    /** This unit set aside: the API shows its kind ("alert" or "notification"), rule and fingerprint or event id. */
    default QuarantinedRecord quarantined(String reason, Instant at) {
        return switch (this) {
            case AlertSave alert -> new QuarantinedRecord("alert", alert.ruleName(), alert.fingerprint(), reason, at);
            case NotificationSave notification ->
                new QuarantinedRecord("notification", notification.ruleName(), notification.eventId(), reason, at);
        };
    }
}
