package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes that could not be saved, merged with each new pass until a save succeeds: the latest state of each alert
 * wins and every transition is kept, up to {@value #MAX_TRANSITIONS} (the oldest are dropped past that, and counted).
 * Not thread-safe; owned by the evaluating thread.
 */
final class UnsavedChanges {
    static final int MAX_TRANSITIONS = 100_000;

    private final Map<String, ActiveAlert> upserts = new LinkedHashMap<>();
    private final Set<String> removals = new LinkedHashSet<>();
    private final List<Alert> transitions = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();
    private long droppedTransitions;

    AlertChanges merge(AlertChanges next) {
        Map<String, ActiveAlert> mergedUpserts = new LinkedHashMap<>(upserts);
        Set<String> mergedRemovals = new LinkedHashSet<>(removals);
        for (String fingerprint : next.removedFingerprints()) {
            mergedUpserts.remove(fingerprint);
            mergedRemovals.add(fingerprint);
        }
        for (ActiveAlert alert : next.upserts()) {
            mergedRemovals.remove(alert.fingerprint());
            mergedUpserts.put(alert.fingerprint(), alert);
        }
        List<Alert> mergedTransitions = new ArrayList<>(transitions);
        mergedTransitions.addAll(next.transitions());
        List<Notification> mergedNotifications = new ArrayList<>(notifications);
        mergedNotifications.addAll(next.notifications());
        return new AlertChanges(
                List.copyOf(mergedUpserts.values()),
                List.copyOf(mergedRemovals),
                mergedTransitions,
                mergedNotifications);
    }

    void keep(AlertChanges merged) {
        clear();
        merged.upserts().forEach(alert -> upserts.put(alert.fingerprint(), alert));
        removals.addAll(merged.removedFingerprints());
        List<Alert> all = merged.transitions();
        int overflow = Math.max(0, all.size() - MAX_TRANSITIONS);
        droppedTransitions += overflow;
        transitions.addAll(all.subList(overflow, all.size()));
        List<Notification> pending = merged.notifications();
        int notificationOverflow = Math.max(0, pending.size() - MAX_TRANSITIONS);
        droppedTransitions += notificationOverflow;
        notifications.addAll(pending.subList(notificationOverflow, pending.size()));
    }

    void clear() {
        upserts.clear();
        removals.clear();
        transitions.clear();
        notifications.clear();
    }

    int pendingTransitions() {
        return transitions.size();
    }

    long droppedTransitions() {
        return droppedTransitions;
    }
}
