package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driving.AggregatedMetricsQuery;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import com.airdrops.monitoring.domain.port.driving.ComponentPushReceiver;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.port.driving.MetricsExposition;
import com.airdrops.monitoring.domain.port.driving.NotificationAdmin;
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
