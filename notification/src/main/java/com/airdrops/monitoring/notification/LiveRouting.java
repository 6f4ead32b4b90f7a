package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import com.airdrops.monitoring.domain.port.driven.NotificationRoutes;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the {@link NotificationRouting} in force. Readers take {@link #current()} once per unit of work (a pass, a
 * delivery round, a view) and use that value throughout; a reload swaps it atomically. Thread-safe.
 */
public final class LiveRouting implements NotificationRoutes {
    private final AtomicReference<NotificationRouting> current;

    public LiveRouting(NotificationRouting initial) {
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public NotificationRouting current() {
        return current.get();
    }

    @Override
    public void replace(NotificationRouting next) {
        if (next == null) {
            throw new IllegalArgumentException("a notification setup is required");
        }
        current.set(next);
    }
}
