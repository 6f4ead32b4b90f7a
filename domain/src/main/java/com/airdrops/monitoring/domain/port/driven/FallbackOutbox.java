package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.notification.Notification;
import java.util.List;

/**
 * Where the notifications of a pass go when the database cannot take them: delivered from memory at once (with their
 * event ids), and written to the outbox with how their delivery went once it can be reached. Thread-safe.
 */
public interface FallbackOutbox {
    /** An agent without one: nothing is taken, the notifications wait with their unsaved transitions. */
    FallbackOutbox NONE = new FallbackOutbox() {
        @Override
        public boolean offer(List<Notification> notifications) {
            return false;
        }

        @Override
        public int discard() {
            return 0;
        }
    };

    /** Takes {@code notifications} for delivery from memory; false when it takes none. */
    boolean offer(List<Notification> notifications);

    /** Drops what waits in memory (this agent no longer leads); returns how many notifications that was. */
    int discard();
}
