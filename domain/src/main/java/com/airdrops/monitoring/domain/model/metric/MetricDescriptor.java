package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;

/** The exposed name, type and help text of a metric. */
public record MetricDescriptor(String name, MetricType type, String help) {

    public MetricDescriptor {
        Require.metricName(name, "metric name");
        Require.nonNull(type, "type");
        Require.nonBlank(help, "help");
        if (type == MetricType.COUNTER != name.endsWith("_total")) {
            throw new IllegalArgumentException("metric '" + name + "': counters, and only counters, end in _total");
        }
    }
}
