package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Alert state and history that survive restarts. Failures throw {@link PersistenceException}. Thread-safe.
 */
public interface AlertRepository {
    /** This agent's pending and firing alerts, to restore at start. */
    List<ActiveAlert> loadActive();

    /** Applies one pass's changes atomically: all of them or none. */
    void save(AlertChanges changes);

    /** This agent's transitions that occurred at or after {@code since}, newest first, at most {@code limit}. */
    default List<Alert> history(Instant since, int limit) {
        return history(since, limit, InstanceScope.OWN);
    }

    /** The transitions of the agents in {@code scope}, as {@link #history(Instant, int)}. */
    default List<Alert> history(Instant since, int limit, InstanceScope scope) {
        return history(since, Optional.empty(), limit, Long.MAX_VALUE, scope).transitions();
    }

    /**
     * A page of the transitions of the agents in {@code scope} that occurred at or after {@code since}, newest first,
     * continuing after {@code after} (an earlier page's {@code next}): at most {@code limit} rows, and no more rows
     * once about {@code maxTextChars} characters of text (labels, descriptions, summaries, comments) are taken, but
     * always at least one. Its {@code next} is present when more rows follow.
     */
    HistoryPage history(
            Instant since, Optional<HistoryCursor> after, int limit, long maxTextChars, InstanceScope scope);

    /** Deletes this agent's history older than {@code cutoff}; returns how many rows. */
    long deleteHistoryOlderThan(Instant cutoff);
}
