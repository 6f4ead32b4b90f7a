package com.airdrops.monitoring.notification;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the {@link NotificationSetup} in force. Readers take {@link #current()} once per unit of work (a pass, a
 * delivery round, a view) and use that value throughout; a reload swaps it atomically. Thread-safe.
 */
public final class LiveNotificationSetup {
    private final AtomicReference<NotificationSetup> current;

    public LiveNotificationSetup(NotificationSetup initial) {
        this.current = new AtomicReference<>(initial);
    }

    public NotificationSetup current() {
        return current.get();
    }

    public void replace(NotificationSetup next) {
        if (next == null) {
            throw new IllegalArgumentException("a notification setup is required");
        }
        current.set(next);
    }
}
