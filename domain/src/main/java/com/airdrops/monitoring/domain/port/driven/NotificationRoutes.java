package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.notification.NotificationRouting;

/** The notification routing in force, which a reload replaces whole. Thread-safe. */
public interface NotificationRoutes {
    NotificationRouting current();

    void replace(NotificationRouting next);
}
