package com.airdrops.monitoring.domain.fakes;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.port.driven.NotificationPlanner;
import java.time.Instant;
import java.util.List;

/** A planner for an agent with no channels: no pass notifies anyone. */
public final class SilentNotificationPlanner implements NotificationPlanner {
    @Override
    public List<Notification> plan(List<Alert> transitions, List<Alert> stillFiring, Instant now) {
        return List.of();
    }

    @Override
    public void restored(Alert firing, Instant at) {
        // nothing was sent, so nothing to remember
    }
}
