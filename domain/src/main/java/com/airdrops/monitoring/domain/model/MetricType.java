package com.airdrops.monitoring.domain.model;

/** How a series is exposed to Prometheus. Counters are cumulative and their names end in {@code _total}. */
public enum MetricType {
    GAUGE, COUNTER
}
