package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.notification.DeadLetterPage;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The notifications the outbox gave up on, for people to look at and replay. Thread-safe. */
public interface DeadLetters {
    /** The newest dead letters, at most {@code limit}. */
    default List<OutboxEntry> dead(int limit) {
        return dead(Optional.empty(), limit, Long.MAX_VALUE).entries();
    }

    /**
     * A page of dead letters, newest first, below row {@code before} (an earlier page's {@code next}): at most
     * {@code limit}, and no more once about {@code maxTextChars} characters of payload are taken (always one).
     */
    DeadLetterPage dead(Optional<Long> before, int limit, long maxTextChars);

    /** Makes a DEAD row PENDING again with its attempts reset; false when there is no such dead row. */
    boolean replay(long id, Instant at);

    Optional<OutboxEntry> find(long id);
}
