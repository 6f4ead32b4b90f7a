package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;
import java.util.Map;

/**
 * One value of one series (metric name plus labels) at one instant: the uniform currency that collection emits and
 * that exposition, aggregation and alerting consume. The name is the name exposed on {@code /metrics}.
 */
public record Sample(String name, Map<String, String> labels, double value, Instant timestamp) {

    public Sample {
        Require.metricName(name, "sample name");
        labels = Labels.of(labels, "label");
        Require.nonNull(timestamp, "timestamp");
    }

    public static Sample of(String name, double value, Instant timestamp) {
        return new Sample(name, Map.of(), value, timestamp);
    }
}
