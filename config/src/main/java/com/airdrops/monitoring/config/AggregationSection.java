package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import java.time.Duration;
import java.util.List;

/** The windows, functions and bounds of aggregation, and how many aggregates the database keeps. */
public record AggregationSection(
        Duration window,
        List<AggregationFunction> functions,
        Duration retention,
        int bufferMaxSize,
        int maxSeries,
        int maxStored) {
    public AggregationSection {
        functions = List.copyOf(functions);
    }
}
