package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.model.notification.OutboxStatus;
import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.OutboxQueue;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.work.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's outbox that stays open when the database does not: while the database answers, the rows are claimed
 * from it; while it does not, from the {@link MemoryOutbox}, tried again after 1 s, doubling up to 30 s. Once it
 * answers again, what memory delivered or still holds for the channel is written to it first (with the same event
 * ids, each once), and so are the outcomes of attempts whose rows could not be marked: nothing is sent twice for a
 * database that came back. Rows of the database have positive ids, rows of memory negative ones. Not thread-safe: the
 * channel's one worker uses it.
 */
public final class FailOpenOutbox implements OutboxQueue {
    private static final Logger LOG = LoggerFactory.getLogger(FailOpenOutbox.class);

    private final String channel;
    private final OutboxQueue store;
    private final MemoryOutbox memory;
    private final InstantSource clock;
    private final Backoff retry = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    /** Outcomes of the database's rows that could not be written when they happened, in order. */
    private final ArrayDeque<Consumer<OutboxQueue>> unwritten = new ArrayDeque<>();

    public FailOpenOutbox(String channel, OutboxQueue store, MemoryOutbox memory, InstantSource clock) {
        this.channel = channel;
        this.store = store;
        this.memory = memory;
        this.clock = clock;
    }

    @Override
    public List<OutboxEntry> due(String channel, Instant now, int limit) {
        try {
            return store.due(channel, now, limit);
        } catch (PersistenceException e) {
            return memory.due(channel, now, limit);
        }
    }

    @Override
    public List<OutboxEntry> claimDue(String channel, Instant now, Instant claimUntil, int limit) {
        if (retry.due(clock.instant())) {
            try {
                catchUp();
                List<OutboxEntry> claimed = store.claimDue(channel, now, claimUntil, limit);
                if (retry.failing()) {
                    LOG.info("Outbox of {} reachable again: delivering from the database", channel);
                }
                retry.succeeded();
                return claimed;
            } catch (FencedException e) {
                throw e; // another agent leads: nothing here is this agent's to deliver
            } catch (PersistenceException e) {
                if (!retry.failing()) {
                    LOG.warn(
                            "Outbox of {} cannot be reached ({}): delivering from memory, written to it once it is back",
                            channel,
                            e.getMessage());
                }
                retry.failed(clock.instant());
            }
        }
        return memory.claimDue(channel, now, claimUntil, limit);
    }

    /** Writes to the database what happened while it could not be reached; throws if it still cannot be. */
    private void catchUp() {
        while (!unwritten.isEmpty()) {
            unwritten.peekFirst().accept(store);
            unwritten.removeFirst();
        }
        List<OutboxEntry> held = memory.unclaimed(channel);
        if (!held.isEmpty()) {
            store.adopt(held);
            memory.remove(held);
            LOG.info("{} notifications to {} handled in memory are written to the outbox", held.size(), channel);
        }
    }

    @Override
    public void release(List<Long> ids, Instant at) {
        memory.release(ids.stream().filter(id -> id < 0).toList(), at);
        List<Long> stored = ids.stream().filter(id -> id > 0).toList();
        if (!stored.isEmpty()) {
            write(outbox -> outbox.release(stored, at));
        }
    }

    @Override
    public void markSent(long id, int attempts, Instant at) {
        if (id < 0) {
            memory.settle(id, OutboxStatus.SENT, attempts, Optional.empty(), at);
        } else {
            write(outbox -> outbox.markSent(id, attempts, at));
        }
    }

    @Override
    public void markRetry(long id, int attempts, String error, Instant at, Instant nextAttemptAt) {
        if (id < 0) {
            memory.settle(id, OutboxStatus.PENDING, attempts, Optional.of(error), nextAttemptAt);
        } else {
            write(outbox -> outbox.markRetry(id, attempts, error, at, nextAttemptAt));
        }
    }

    @Override
    public void markDead(long id, int attempts, String error, Instant at) {
        if (id < 0) {
            memory.settle(id, OutboxStatus.DEAD, attempts, Optional.of(error), at);
        } else {
            write(outbox -> outbox.markDead(id, attempts, error, at));
        }
    }

    @Override
    public void markFolded(List<Long> ids, Instant at) {
        memory.fold(ids.stream().filter(id -> id < 0).toList(), at);
        List<Long> stored = ids.stream().filter(id -> id > 0).toList();
        if (!stored.isEmpty()) {
            write(outbox -> outbox.markFolded(stored, at));
        }
    }

    @Override
    public void adopt(List<OutboxEntry> entries) {
        store.adopt(entries);
    }

    /**
     * Records an outcome in the database, or, when it cannot be reached, keeps it to write before anything else is
     * claimed from it: the row stays claimed meanwhile, so it is not sent again.
     */
    private void write(Consumer<OutboxQueue> outcome) {
        if (unwritten.isEmpty()) {
            try {
                outcome.accept(store);
                return;
            } catch (FencedException e) {
                throw e;
            } catch (PersistenceException e) {
                retry.failed(clock.instant());
                LOG.warn(
                        "Outcome of a delivery to {} kept in memory until the outbox is back: {}",
                        channel,
                        e.getMessage());
            }
        }
        unwritten.addLast(outcome);
    }
}
