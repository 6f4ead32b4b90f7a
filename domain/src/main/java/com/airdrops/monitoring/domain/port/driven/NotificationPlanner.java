package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import java.time.Instant;
import java.util.List;

/**
 * Decides what an evaluation pass sends where. The alerting service calls it inside its pass, so that the
 * notifications are saved in the same transaction as the transitions that caused them. Called by one thread at a time.
 */
public interface NotificationPlanner {
    /** The notifications of one pass: its transitions, and reminders for alerts that are still firing. */
    List<Notification> plan(List<Alert> transitions, List<Alert> stillFiring, Instant now);

    /** A firing alert restored at start counts as notified at {@code at}: a restart announces nothing again. */
    void restored(Alert firing, Instant at);

    /**
     * The notifications of an acknowledgement ({@code acknowledged.event()} is {@code ACKNOWLEDGED}): for channels
     * whose service tracks incidents; none by default.
     */
    default List<Notification> acknowledged(Alert acknowledged, Instant now) {
        return List.of();
    }
}
