package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import java.util.Map;

/** One observation of a histogram (e.g. one probe's duration in seconds for {@code component_execution_seconds}). */
public record Observation(String name, Map<String, String> labels, double value) {
    public Observation {
        Require.metricName(name, "observation name");
        labels = Labels.of(labels, "label");
        Require.finite(value, "observation value");
    }
}
