package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.model.lease.Isolated;
import com.airdrops.monitoring.domain.model.lease.Leading;
import com.airdrops.monitoring.domain.model.lease.LeaseState;
import com.airdrops.monitoring.domain.model.lease.Standby;
import com.airdrops.monitoring.domain.model.lease.Unreachable;
import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The lease that makes one agent of an instance its leader, in {@code agent_lease}: renewed by its holder, taken by
 * another agent of the same instance once it has expired, each new holder with a higher epoch. Every writing
 * transaction calls {@link #fence(Handle)} first, which fails unless this agent still holds the lease with the epoch it
 * took: a leader that was deposed (it hung, or lost the network while its lease ran out) can never write again.
 * Thread-safe.
 */
final class LeaderLease {
    private final Jdbi jdbi;
    private final String instance;
    private final String holder;
    private final Duration ttl;
    /** As the last renewal or write found it; not asked yet until the first renewal, which opening the database runs. */
    private volatile LeaseState state = new Unreachable(Instant.EPOCH);
    /** When the previous run of this agent last renewed the lease it took back from that run, not released. */
    private final AtomicReference<Instant> uncleanRunRenewed = new AtomicReference<>();

    LeaderLease(Jdbi jdbi, String instance, String holder, Duration ttl) {
        this.jdbi = jdbi;
        this.instance = instance;
        this.holder = holder;
        this.ttl = ttl;
    }

    /**
     * Renews the lease, or takes it when it has expired (or was never taken, or was released); otherwise reports who
     * holds it. At start, this agent also takes back a lease that still names it (it was restarted after a crash). A
     * database that cannot be reached throws, and the state becomes {@link Isolated} (when this agent led)
     * or {@link Unreachable} since the first failed renewal.
     */
    LeaseState renew(Instant now) {
        LeaseState before = state;
        try {
            LeaseState renewed = jdbi.inTransaction(handle -> {
                Optional<LeaseRow> row = handle.createQuery(
                                "SELECT holder, epoch, expires_at FROM agent_lease WHERE instance = :instance FOR UPDATE")
                        .bind("instance", instance)
                        .map((rs, ctx) ->
                                new LeaseRow(rs.getString("holder"), rs.getLong("epoch"), rs.getLong("expires_at")))
                        .findOne();
                long until = now.plus(ttl).toEpochMilli();
                if (row.isEmpty()) {
                    handle.createUpdate("INSERT INTO agent_lease (instance, holder, epoch, expires_at) "
                                    + "VALUES (:instance, :holder, 1, :until)")
                            .bind("instance", instance)
                            .bind("holder", holder)
                            .bind("until", until)
                            .execute();
                    return new Leading(1);
                }
                LeaseRow current = row.get();
                boolean mine = current.holder().equals(holder);
                if (mine && current.epoch() == termOf(before)) {
                    // Still this agent's term: also when it was isolated, as long as no other agent took over.
                    update(handle, current.epoch(), until);
                    return new Leading(current.epoch());
                }
                boolean restartedHolder = mine && !before.leads();
                if (restartedHolder && current.expiresAt() != 0) {
                    // A clean stop releases the lease (expiry 0): this one the previous run never released.
                    uncleanRunRenewed.set(
                            Instant.ofEpochMilli(current.expiresAt()).minus(ttl));
                }
                if (restartedHolder || current.expiresAt() <= now.toEpochMilli()) {
                    update(handle, current.epoch() + 1, until);
                    releaseClaims(handle);
                    return new Leading(current.epoch() + 1);
                }
                return new Standby(current.holder(), Instant.ofEpochMilli(current.expiresAt()));
            });
            state = renewed;
            return renewed;
        } catch (RuntimeException e) {
            // Also two agents inserting the first lease at once: one wins, the other is standby until the next renewal.
            state = switch (before) {
                case Leading leading -> new Isolated(leading.epoch(), now);
                case Isolated isolated -> isolated;
                case Unreachable unreachable -> unreachable;
                case Standby standby -> new Unreachable(now);
            };
            throw new PersistenceException("renewing the leader lease failed: " + Failures.rootMessage(e), e);
        }
    }

    /** The term this agent holds or held when it lost the database; 0 for none. */
    private static long termOf(LeaseState state) {
        return switch (state) {
            case Leading leading -> leading.epoch();
            case Isolated isolated -> isolated.epoch();
            case Standby standby -> 0;
            case Unreachable unreachable -> 0;
        };
    }

    /**
     * A new term: the outbox rows the previous holder claimed and never settled are delivered at once (being fenced,
     * it can no longer mark them), in order, instead of when its claims would have ended.
     */
    private void releaseClaims(Handle handle) {
        handle.createUpdate("UPDATE notification_log SET claimed_until = NULL WHERE instance = :instance "
                        + "AND claimed_until IS NOT NULL")
                .bind("instance", instance)
                .execute();
    }

    private void update(Handle handle, long newEpoch, long until) {
        handle.createUpdate("UPDATE agent_lease SET holder = :holder, epoch = :epoch, expires_at = :until "
                        + "WHERE instance = :instance")
                .bind("holder", holder)
                .bind("epoch", newEpoch)
                .bind("until", until)
                .bind("instance", instance)
                .execute();
    }

    /**
     * Throws unless this agent holds the lease with its epoch; locks the lease row until the transaction ends. An
     * isolated agent whose database answers again writes nothing until its next renewal confirms the lease: that is a
     * plain store failure (what it wanted to write waits), not fencing.
     */
    void fence(Handle handle) {
        LeaseState held = state;
        if (held instanceof Isolated) {
            throw new PersistenceException(
                    "the database answers again, but this agent's lease of instance '" + instance
                            + "' is not renewed yet: nothing written until it is",
                    null);
        }
        int rows = held instanceof Leading leading
                ? handle.createUpdate("UPDATE agent_lease SET epoch = epoch WHERE instance = :instance "
                                + "AND holder = :holder AND epoch = :epoch")
                        .bind("instance", instance)
                        .bind("holder", holder)
                        .bind("epoch", leading.epoch())
                        .execute()
                : 0;
        if (rows != 1) {
            if (held.leads()) {
                state = holderNow(handle);
            }
            throw new FencedException("this agent does not lead instance '" + instance
                    + "' (another agent of the same instance holds the lease): nothing written");
        }
    }

    /** Who holds the lease, read after this agent found it was deposed. */
    private LeaseState holderNow(Handle handle) {
        return handle.createQuery("SELECT holder, expires_at FROM agent_lease WHERE instance = :instance")
                .bind("instance", instance)
                .map((rs, ctx) -> (LeaseState)
                        new Standby(rs.getString("holder"), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne()
                .orElseGet(() -> new Standby("nobody", Instant.EPOCH));
    }

    /**
     * When the lease was taken back from a previous run of this agent that never released it (it was killed, crashed,
     * or its machine stopped): when that run last renewed it, once; empty after a clean stop, and once said.
     */
    Optional<Instant> takeUncleanPreviousRun() {
        return Optional.ofNullable(uncleanRunRenewed.getAndSet(null));
    }

    LeaseState state() {
        return state;
    }

    /** Gives the lease up at a clean stop, so the other agent of the instance takes over at once. */
    void release() {
        if (!(state instanceof Leading leading)) {
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE agent_lease SET expires_at = 0 WHERE instance = :instance AND holder = :holder "
                                + "AND epoch = :epoch")
                .bind("instance", instance)
                .bind("holder", holder)
                .bind("epoch", leading.epoch())
                .execute());
        state = new Standby("nobody", Instant.EPOCH);
    }
}
