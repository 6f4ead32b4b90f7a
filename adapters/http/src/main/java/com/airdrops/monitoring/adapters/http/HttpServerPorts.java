package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.AggregatedMetricsQuery;
import com.airdrops.monitoring.domain.port.AlertQueries;
import com.airdrops.monitoring.domain.port.ComponentPushReceiver;
import com.airdrops.monitoring.domain.port.ConfigReloader;
import com.airdrops.monitoring.domain.port.HealthCheck;
import com.airdrops.monitoring.domain.port.LatestMetrics;
import com.airdrops.monitoring.domain.port.MetricsExposition;
import com.airdrops.monitoring.domain.port.NotificationAdmin;
import java.time.InstantSource;
import java.util.List;

/** The domain ports the HTTP server serves. */
public record HttpServerPorts(
        MetricsExposition exposition,
        LatestMetrics latestMetrics,
        List<HealthCheck> readinessChecks,
        ComponentPushReceiver pushReceiver,
        AggregatedMetricsQuery aggregates,
        AlertQueries alerts,
        ConfigReloader reloader,
        NotificationAdmin notifications,
        InstantSource clock) {

    public HttpServerPorts {
        readinessChecks = List.copyOf(readinessChecks);
    }
}
