package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import java.time.Instant;
import java.util.List;

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
    List<Alert> history(Instant since, int limit, InstanceScope scope);

    /** Deletes this agent's history older than {@code cutoff}; returns how many rows. */
    long deleteHistoryOlderThan(Instant cutoff);
}
