package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.notification.DeadLetterPage;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Pages of an instance's dead letters, newest first, bounded by rows and by payload. */
final class DeadLetterRows {
    private DeadLetterRows() {}

    /**
     * The budget is kept by the database in two steps, as for the alert history: the ids of the page (numbers only,
     * with a window sum of the payloads before each), then those rows whole.
     */
    static DeadLetterPage page(Handle handle, String instance, Optional<Long> before, int limit, long maxTextChars) {
        List<long[]> measured = handle.createQuery(
                        "SELECT id, matching FROM (SELECT n.id, COUNT(*) OVER () AS matching, "
                                + "SUM(LENGTH(n.payload) + COALESCE(LENGTH(n.last_error), 0) + 200) OVER (ORDER BY n.id DESC "
                                + "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS text_before FROM notification_log n WHERE "
                                + "n.instance = :instance AND n.status = 'DEAD' AND n.id < :before ORDER BY n.id DESC LIMIT :limit) t "
                                + "WHERE COALESCE(text_before, 0) < :budget ORDER BY id DESC")
                .bind("instance", instance)
                .bind("before", before.orElse(Long.MAX_VALUE))
                .bind("limit", limit)
                .bind("budget", maxTextChars)
                .map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("matching")})
                .list();
        if (measured.isEmpty()) {
            return new DeadLetterPage(List.of(), Optional.empty());
        }
        long last = measured.getLast()[0];
        List<OutboxEntry> entries = handle.createQuery("SELECT * FROM notification_log WHERE instance = :instance AND "
                        + "status = 'DEAD' AND id <= :first AND id >= :last ORDER BY id DESC")
                .bind("instance", instance)
                .bind("first", measured.getFirst()[0])
                .bind("last", last)
                .map((rs, ctx) -> OutboxRows.entry(rs))
                .list();
        return new DeadLetterPage(
                entries, measured.getLast()[1] > measured.size() ? Optional.of(last) : Optional.empty());
    }
}
