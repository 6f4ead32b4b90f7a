package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import java.time.Instant;
import java.util.List;

/**
 * What a channel's delivery does with the outbox: claims the rows due, and records how each attempt ended. Rows are
 * added with alert transitions ({@link AlertRepository#save}). Thread-safe.
 */
public interface OutboxQueue {
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

    /** The attempt at {@code at} failed; the row is due again at {@code nextAttemptAt}. */
    void markRetry(long id, int attempts, String error, Instant at, Instant nextAttemptAt);

    void markDead(long id, int attempts, String error, Instant at);

    /** Marks rows folded into a digest that was delivered. */
    void markFolded(List<Long> ids, Instant at);

    /**
     * Writes notifications delivered or attempted from memory while the outbox could not be reached, as they stand
     * (status, attempts, last error, next attempt, creation; a settled entry's next attempt is when it was settled). One whose event id already has a row on its channel is
     * skipped, so writing the same entries again (a commit whose answer was lost) adds nothing.
     */
    void adopt(List<OutboxEntry> entries);
}
