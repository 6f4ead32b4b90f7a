package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/** A row of an alert history page as its first step measures it: where it stands, and how many rows matched in all. */
record HistoryRow(HistoryCursor cursor, long matching) {
    /** The size of a row's text in SQL: what a page's text budget counts (plus a little for its fixed fields). */
    static final String TEXT = "LENGTH(h.labels) + LENGTH(h.description) + LENGTH(h.summary) + LENGTH(h.silenced_by) "
            + "+ COALESCE(LENGTH(h.ack_comment), 0) + 200";

    /** Binds what both steps' {@code WHERE} names: the start, the agent, and the cursor to continue after. */
    static Query bind(Query query, Instant since, Optional<String> owner, Optional<HistoryCursor> after) {
        return query.bind("since", since.toEpochMilli())
                .bind("instance", owner.orElse(""))
                .bind("at", after.map(HistoryCursor::occurredAtMillis).orElse(0L))
                .bind("row", after.map(HistoryCursor::row).orElse(0L));
    }
}
