package com.airdrops.monitoring.domain.port;

import com.airdrops.monitoring.domain.model.MetricsSnapshot;

/** Receives every collected snapshot: exposition, aggregation and alerting each plug in as one. */
public interface MetricsSink {
    void publish(MetricsSnapshot snapshot);
}
