package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import java.util.List;

/**
 * What one evaluation pass changed, saved in one transaction: active states written or removed, the transitions
 * appended to the history, and the notifications they cause, added to the outbox.
 */
public record AlertChanges(
        List<ActiveAlert> upserts,
        List<String> removedFingerprints,
        List<Alert> transitions,
        List<Notification> notifications) {
    public AlertChanges {
        upserts = List.copyOf(upserts);
        removedFingerprints = List.copyOf(removedFingerprints);
        transitions = List.copyOf(transitions);
        notifications = List.copyOf(notifications);
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && removedFingerprints.isEmpty() && transitions.isEmpty() && notifications.isEmpty();
    }
}
