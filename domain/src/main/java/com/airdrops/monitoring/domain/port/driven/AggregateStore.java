package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import java.time.Instant;
import java.util.List;

/** Keeps closed-window aggregates for queries until retention removes them. Thread-safe. */
public interface AggregateStore {
    void append(List<AggregatedMetric> aggregates);

    /** Aggregates with {@code start <= timestamp <= end} whose name contains {@code nameFilter}, oldest first. */
    List<AggregatedMetric> query(Instant start, Instant end, String nameFilter, int limit);

    /** Removes aggregates older than {@code cutoff}; returns how many. */
    long deleteOlderThan(Instant cutoff);
}
