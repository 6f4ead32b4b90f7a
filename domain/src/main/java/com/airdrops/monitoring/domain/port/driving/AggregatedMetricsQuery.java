package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import java.time.Instant;
import java.util.List;

/** Reads aggregates by time range and name. Thread-safe. */
public interface AggregatedMetricsQuery {
    /** Aggregates with {@code start <= timestamp <= end} whose name contains {@code nameFilter} (empty: all), oldest first. */
    List<AggregatedMetric> getAggregatedMetrics(Instant start, Instant end, String nameFilter, int limit);
}
