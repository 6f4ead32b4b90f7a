package com.airdrops.monitoring.aggregation;

import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import java.time.Duration;
import java.util.List;

/**
 * How the aggregator windows and bounds its work: window size, functions, retention of aggregates, the snapshot
 * buffer between collection and aggregation, and the most series it tracks at once.
 */
public record AggregationSettings(
        Duration window, List<AggregationFunction> functions, Duration retention, int bufferMaxSize, int maxSeries) {

    public AggregationSettings {
        if (window == null || window.toMillis() <= 0) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
        if (functions == null || functions.isEmpty()) {
            throw new IllegalArgumentException("name at least one aggregation function");
        }
        functions = List.copyOf(functions);
        if (retention == null || retention.compareTo(window) < 0) {
            throw new IllegalArgumentException("retention must be at least one window");
        }
        if (bufferMaxSize <= 0 || maxSeries <= 0) {
            throw new IllegalArgumentException("bufferMaxSize and maxSeries must be > 0");
        }
    }
}
