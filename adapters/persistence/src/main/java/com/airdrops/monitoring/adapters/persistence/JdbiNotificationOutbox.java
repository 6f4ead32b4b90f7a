package com.airdrops.monitoring.adapters.persistence;

import static com.airdrops.monitoring.adapters.persistence.StoreFailures.wrap;

import com.airdrops.monitoring.domain.model.notification.DeadLetterPage;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.model.notification.OutboxStatus;
import com.airdrops.monitoring.domain.port.driven.NotificationOutbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The notification outbox in {@code notification_log}: due rows per channel, attempts, dead letters. An agent sees,
 * delivers, replays and prunes only the rows of its own instance. Thread-safe.
 */
public final class JdbiNotificationOutbox implements NotificationOutbox {
    private final Jdbi jdbi;
    private final Jdbi readJdbi;
    private final String instance;
    private final Database database;

    public JdbiNotificationOutbox(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.readJdbi = database.readJdbi();
        this.instance = database.instance();
    }

    @Override
    public List<OutboxEntry> due(String channel, Instant now, int limit) {
        return wrap(
                "reading the outbox",
                () -> jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT * FROM notification_log WHERE instance = :instance AND channel = :channel "
                                        + "AND status = 'PENDING' AND next_attempt_at <= :now "
                                        + "AND (claimed_until IS NULL OR claimed_until <= :now) ORDER BY id LIMIT :limit")
                        .bind("instance", instance)
                        .bind("channel", channel)
                        .bind("now", now.toEpochMilli())
                        .bind("limit", limit)
                        .map((rs, ctx) -> OutboxRows.entry(rs))
                        .list()));
    }

    /**
     * One transaction: the due rows are locked with {@code FOR UPDATE SKIP LOCKED}, so a concurrent claimer (another
     * worker, another agent) skips them instead of waiting, and their next attempt is moved to {@code claimUntil}
     * before the locks are released.
     */
    @Override
    public List<OutboxEntry> claimDue(String channel, Instant now, Instant claimUntil, int limit) {
        return wrap(
                "claiming outbox rows",
                () -> jdbi.inTransaction(handle -> {
                    database.fence(handle);
                    List<OutboxEntry> claimed = handle.createQuery(
                                    "SELECT * FROM notification_log WHERE instance = :instance AND channel = :channel "
                                            + "AND status = 'PENDING' AND next_attempt_at <= :now "
                                            + "AND (claimed_until IS NULL OR claimed_until <= :now) ORDER BY id LIMIT :limit "
                                            + "FOR UPDATE SKIP LOCKED")
                            .bind("instance", instance)
                            .bind("channel", channel)
                            .bind("now", now.toEpochMilli())
                            .bind("limit", limit)
                            .map((rs, ctx) -> OutboxRows.entry(rs))
                            .list();
                    if (!claimed.isEmpty()) {
                        handle.createUpdate("UPDATE notification_log SET claimed_until = :until WHERE id IN (<ids>)")
                                .bind("until", claimUntil.toEpochMilli())
                                .bindList(
                                        "ids",
                                        claimed.stream().map(OutboxEntry::id).toList())
                                .execute();
                    }
                    return claimed;
                }));
    }

    @Override
    public void release(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        wrap(
                "releasing outbox rows",
                () -> jdbi.inTransaction(handle -> fenced(handle)
                        .createUpdate("UPDATE notification_log SET claimed_until = NULL, next_attempt_at = :at "
                                + "WHERE id IN (<ids>) AND status = 'PENDING'")
                        .bind("at", at.toEpochMilli())
                        .bindList("ids", ids)
                        .execute()));
    }

    @Override
    public void markSent(long id, int attempts, Instant at) {
        mark(id, OutboxStatus.SENT, attempts, null, at, at);
    }

    @Override
    public void markRetry(long id, int attempts, String error, Instant at, Instant nextAttemptAt) {
        mark(id, OutboxStatus.PENDING, attempts, error, nextAttemptAt, at);
    }

    @Override
    public void markDead(long id, int attempts, String error, Instant at) {
        mark(id, OutboxStatus.DEAD, attempts, error, at, at);
    }

    @Override
    public void markFolded(List<Long> ids, Instant at) {
        wrap("updating the outbox", () -> {
            jdbi.useTransaction(handle -> {
                database.fence(handle);
                PreparedBatch batch = handle.prepareBatch(
                        "UPDATE notification_log SET status = 'FOLDED', claimed_until = NULL, updated_at = :at WHERE id = :id");
                ids.forEach(
                        id -> batch.bind("id", id).bind("at", at.toEpochMilli()).add());
                batch.execute();
            });
            return null;
        });
    }

    /** One fenced transaction; see {@link OutboxRows#adopt}. */
    @Override
    public void adopt(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        wrap("writing notifications delivered from memory", () -> {
            jdbi.useTransaction(handle -> {
                database.fence(handle);
                OutboxRows.adopt(handle, instance, entries);
            });
            return null;
        });
    }

    /** See {@link DeadLetterRows#page}. */
    @Override
    public DeadLetterPage dead(Optional<Long> before, int limit, long maxTextChars) {
        return wrap(
                "reading dead letters",
                () -> readJdbi.withHandle(
                        handle -> DeadLetterRows.page(handle, instance, before, limit, maxTextChars)));
    }

    @Override
    public boolean replay(long id, Instant at) {
        return wrap(
                "replaying a dead letter",
                () -> jdbi.inTransaction(handle -> fenced(handle)
                                .createUpdate(
                                        "UPDATE notification_log SET status = 'PENDING', attempts = 0, next_attempt_at = :at, "
                                                + "updated_at = :at WHERE instance = :instance AND id = :id AND status = 'DEAD'")
                                .bind("instance", instance)
                                .bind("id", id)
                                .bind("at", at.toEpochMilli())
                                .execute()
                        == 1));
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return wrap(
                "reading the outbox",
                () -> readJdbi.withHandle(handle -> handle.createQuery(
                                "SELECT * FROM notification_log WHERE instance = :instance AND id = :id")
                        .bind("instance", instance)
                        .bind("id", id)
                        .map((rs, ctx) -> OutboxRows.entry(rs))
                        .findOne()));
    }

    @Override
    public long depth() {
        return wrap(
                "counting the outbox",
                () -> jdbi.withHandle(
                        handle -> handle.createQuery("SELECT COUNT(*) FROM notification_log WHERE instance = :instance "
                                        + "AND status = 'PENDING'")
                                .bind("instance", instance)
                                .mapTo(Long.class)
                                .one()));
    }

    @Override
    public long prune(Instant settledBefore, Instant deadBefore) {
        return wrap(
                "pruning the outbox",
                () -> jdbi.inTransaction(handle -> (long) fenced(handle)
                        .createUpdate(
                                "DELETE FROM notification_log WHERE instance = :instance AND ((status IN ('SENT', 'FOLDED') "
                                        + "AND updated_at < :settled) OR (status = 'DEAD' AND updated_at < :dead))")
                        .bind("instance", instance)
                        .bind("settled", settledBefore.toEpochMilli())
                        .bind("dead", deadBefore.toEpochMilli())
                        .execute()));
    }

    private void mark(long id, OutboxStatus status, int attempts, String error, Instant next, Instant at) {
        wrap(
                "updating the outbox",
                () -> jdbi.inTransaction(handle -> fenced(handle)
                        .createUpdate(
                                "UPDATE notification_log SET claimed_until = NULL, status = :status, attempts = :attempts, "
                                        + "last_error = :error, next_attempt_at = :next, updated_at = :at WHERE id = :id")
                        .bind("status", status.name())
                        .bind("attempts", attempts)
                        .bind("error", OutboxRows.truncate(error))
                        .bind("next", next.toEpochMilli())
                        .bind("at", at.toEpochMilli())
                        .bind("id", id)
                        .execute()));
    }

    /** The handle, once this agent is known to lead its instance (see {@link LeaderLease#fence}). */
    private Handle fenced(Handle handle) {
        database.fence(handle);
        return handle;
    }
}
