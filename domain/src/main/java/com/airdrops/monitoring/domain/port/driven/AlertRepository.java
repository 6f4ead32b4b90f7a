package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import java.time.Instant;
import java.util.List;

/**
 * Alert state and history that survive restarts. Failures throw {@link PersistenceException}. Thread-safe.
 */
public interface AlertRepository {
    /** Every pending and firing alert, to restore at start. */
    List<ActiveAlert> loadActive();

    /** Applies one pass's changes atomically: all of them or none. */
    void save(AlertChanges changes);

    /** Transitions that occurred at or after {@code since}, newest first, at most {@code limit}. */
    List<Alert> history(Instant since, int limit);

    /** Deletes history older than {@code cutoff}; returns how many rows. */
    long deleteHistoryOlderThan(Instant cutoff);
}
