package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of notifications. Rows are added with alert transitions ({@link AlertRepository#save}); delivery
 * workers take the due ones and record each attempt. Thread-safe.
 */
public interface NotificationOutbox {
    /** PENDING rows of {@code channel} due at {@code now}, oldest first, without claiming them (inspection). */
    List<OutboxEntry> due(String channel, Instant now, int limit);

    /**
     * Claims up to {@code limit} PENDING rows of {@code channel} due at {@code now}, oldest first: atomically, each
     * becomes due again only at {@code claimUntil}, so no other worker (of this agent or of another on the same
     * database) takes it meanwhile. A claimed row its worker never settles (the worker died) is due again at
     * {@code claimUntil}, and then delivered again with the same event id: delivery stays at least once.
     */
    List<OutboxEntry> claimDue(String channel, Instant now, Instant claimUntil, int limit);

    /** Gives claimed rows that were not attempted back: PENDING rows among {@code ids} become due at {@code at}. */
    void release(List<Long> ids, Instant at);

    void markSent(long id, int attempts, Instant at);

    void markRetry(long id, int attempts, String error, Instant nextAttemptAt);

    void markDead(long id, int attempts, String error, Instant at);

    /** Marks rows folded into a digest that was delivered. */
    void markFolded(List<Long> ids, Instant at);

    List<OutboxEntry> dead(int limit);

    /** Makes a DEAD row PENDING again with its attempts reset; false when there is no such dead row. */
    boolean replay(long id, Instant at);

    Optional<OutboxEntry> find(long id);

    /** PENDING rows across channels: one indexed count. */
    long depth();

    /**
     * Deletes sent and folded rows last updated before {@code settledBefore}, and dead letters last updated before
     * {@code deadBefore}; PENDING rows are never deleted. Returns how many rows.
     */
    long prune(Instant settledBefore, Instant deadBefore);
}
