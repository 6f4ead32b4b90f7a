package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driven.AckLinks;
import com.airdrops.monitoring.domain.port.driving.AckOutcome;
import com.airdrops.monitoring.domain.port.driving.AggregatedMetricsQuery;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import com.airdrops.monitoring.domain.port.driving.ComponentPushReceiver;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.port.driving.MetricsExposition;
import com.airdrops.monitoring.domain.port.driving.NotificationAdmin;
import com.airdrops.monitoring.domain.port.driving.SilenceAdmin;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

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
        InstantSource clock,
        SilenceAdmin silences,
        AlertAcknowledger acknowledger,
        Optional<AckLinks> ackLinks) {

    public HttpServerPorts {
        readinessChecks = List.copyOf(readinessChecks);
        ackLinks = ackLinks == null ? Optional.empty() : ackLinks;
    }

    /** The ports of an agent that keeps no silences and takes no acknowledgements. */
    public HttpServerPorts(
            MetricsExposition exposition,
            LatestMetrics latestMetrics,
            List<HealthCheck> readinessChecks,
            ComponentPushReceiver pushReceiver,
            AggregatedMetricsQuery aggregates,
            AlertQueries alerts,
            ConfigReloader reloader,
            NotificationAdmin notifications,
            InstantSource clock) {
        this(
                exposition,
                latestMetrics,
                readinessChecks,
                pushReceiver,
                aggregates,
                alerts,
                reloader,
                notifications,
                clock,
                NoSilences.INSTANCE,
                (fingerprint, by, comment, until) -> new AckOutcome.NotActive(fingerprint),
                Optional.empty());
    }
}
