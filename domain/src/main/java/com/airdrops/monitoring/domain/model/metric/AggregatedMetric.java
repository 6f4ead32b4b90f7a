package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;
import java.util.Map;

/** The result of one aggregation function over one series in one closed window; timestamp is the window end. */
public record AggregatedMetric(
        String metricName, double value, Instant timestamp, Map<String, String> labels, String aggregationType) {

    public AggregatedMetric {
        Require.metricName(metricName, "metricName");
        Require.nonNull(timestamp, "timestamp");
        labels = Labels.of(labels, "label");
        Require.nonBlank(aggregationType, "aggregationType");
    }
}
