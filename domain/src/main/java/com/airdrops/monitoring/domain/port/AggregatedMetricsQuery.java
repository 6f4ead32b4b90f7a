package com.airdrops.monitoring.domain.port;

import com.airdrops.monitoring.domain.model.AggregatedMetric;
import java.time.Instant;
import java.util.List;

/** Reads aggregates by time range and name, as the seed's {@code get_aggregated_metrics}. Thread-safe. */
public interface AggregatedMetricsQuery {
    /** Aggregates with {@code start <= timestamp <= end} whose name contains {@code nameFilter} (empty: all), oldest first. */
    List<AggregatedMetric> getAggregatedMetrics(Instant start, Instant end, String nameFilter, int limit);
}
