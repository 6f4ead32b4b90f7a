package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;

/** Receives every collected snapshot: exposition, aggregation and alerting each plug in as one. */
public interface MetricsSink {
    void publish(MetricsSnapshot snapshot);
}
