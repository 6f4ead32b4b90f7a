package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
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
import java.time.Instant;
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
                (fingerprint, by, comment, until) -> new AlertAcknowledger.AckOutcome.NotActive(fingerprint),
                Optional.empty());
    }

    /** No silences are kept: none is listed, and creating one is refused. */
    private enum NoSilences implements SilenceAdmin {
        INSTANCE;

        @Override
        public Silence create(
                List<LabelMatcher> matchers,
                Optional<Instant> startsAt,
                Instant endsAt,
                String createdBy,
                String comment) {
            throw new IllegalArgumentException("this agent keeps no silences");
        }

        @Override
        public List<Silence> silences() {
            return List.of();
        }

        @Override
        public Optional<Silence> expire(String id) {
            return Optional.empty();
        }
    }
}
