package com.airdrops.monitoring.domain.model.metric;

/**
 * How a series is exposed to Prometheus. Counters are cumulative and their names end in {@code _total}; histograms
 * are fed by {@link Observation}s rather than samples.
 */
public enum MetricType {
    GAUGE,
    COUNTER,
    HISTOGRAM
}
