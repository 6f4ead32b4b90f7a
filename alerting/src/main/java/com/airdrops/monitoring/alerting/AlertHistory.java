package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The alert history as the API reads it, in bounded pages, and its retention (with the silences that ended). */
final class AlertHistory {
    private static final Logger LOG = LoggerFactory.getLogger(AlertHistory.class);

    static final int HISTORY_LIMIT = 10_000;

    /**
     * A history page holds at most about this many characters of text (labels, descriptions, summaries): with 4 KB
     * descriptions that is about 250 rows, a few megabytes of heap, whatever the row limit asked.
     */
    static final long HISTORY_TEXT_BUDGET = 1_000_000;

    private final AlertRepository repository;
    private final Silencer silencer;
    private final InstantSource clock;

    AlertHistory(AlertRepository repository, Silencer silencer, InstantSource clock) {
        this.repository = repository;
        this.silencer = silencer;
        this.clock = clock;
    }

    HistoryPage page(double hours, InstanceScope scope, Optional<HistoryCursor> after, int limit) {
        return repository.history(
                clock.instant().minusMillis(Math.round(hours * 3_600_000)),
                after,
                Math.min(limit, HISTORY_LIMIT),
                HISTORY_TEXT_BUDGET,
                scope);
    }

    long applyRetention(Duration retention) {
        long silences = silencer.applyRetention(retention);
        if (silences > 0) {
            LOG.info("Deleted {} silences that ended more than {} h ago", silences, retention.toHours());
        }
        return repository.deleteHistoryOlderThan(clock.instant().minus(retention));
    }
}
