package com.airdrops.monitoring.domain.model;

import java.util.List;

/**
 * What one evaluation pass changed, saved in one transaction: active states written or removed, the transitions
 * appended to the history, and the notifications they cause, added to the outbox.
 */
public record AlertChanges(List<ActiveAlert> upserts, List<String> removedFingerprints, List<Alert> transitions,
                           List<Notification> notifications) {
    public AlertChanges {
        upserts = List.copyOf(upserts);
        removedFingerprints = List.copyOf(removedFingerprints);
        transitions = List.copyOf(transitions);
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    public AlertChanges(List<ActiveAlert> upserts, List<String> removedFingerprints, List<Alert> transitions) {
        this(upserts, removedFingerprints, transitions, List.of());
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && removedFingerprints.isEmpty() && transitions.isEmpty() && notifications.isEmpty();
    }
}
