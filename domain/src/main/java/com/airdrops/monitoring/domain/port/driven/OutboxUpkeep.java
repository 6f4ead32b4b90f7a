package com.airdrops.monitoring.domain.port.driven;

import java.time.Instant;

/** What keeps the outbox bounded and its depth known. Thread-safe. */
public interface OutboxUpkeep {
    /** PENDING rows across channels: one indexed count. */
    long depth();

    /**
     * Deletes sent and folded rows last updated before {@code settledBefore}, and dead letters last updated before
     * {@code deadBefore}; PENDING rows are never deleted. Returns how many rows.
     */
    long prune(Instant settledBefore, Instant deadBefore);
}
