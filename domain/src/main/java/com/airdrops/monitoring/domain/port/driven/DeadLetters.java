package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The notifications the outbox gave up on, for people to look at and replay. Thread-safe. */
public interface DeadLetters {
    List<OutboxEntry> dead(int limit);

    /** Makes a DEAD row PENDING again with its attempts reset; false when there is no such dead row. */
    boolean replay(long id, Instant at);

    Optional<OutboxEntry> find(long id);
}
