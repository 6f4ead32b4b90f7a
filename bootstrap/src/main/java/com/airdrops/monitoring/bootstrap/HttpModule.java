package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.http.HttpServerPorts;
import com.airdrops.monitoring.adapters.http.HttpServerSettings;
import com.airdrops.monitoring.adapters.http.JavalinHttpServer;
import com.airdrops.monitoring.adapters.http.RefusedRequests;
import com.airdrops.monitoring.config.HttpSection;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
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
import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Provides the Javalin server on the configured host and port. */
final class HttpModule extends AbstractModule {
    private final HttpSection settings;
    private final DatabaseJoin join;

    /** @param join until it is set, the ports of the database half answer 503 "starting: database" */
    HttpModule(HttpSection settings, DatabaseJoin join) {
        this.settings = settings;
        this.join = join;
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), MetricsSource.class).addBinding().to(RefusedRequests.class);
    }

    @Provides
    @Singleton
    RefusedRequests refusals(InstantSource clock) {
        return new RefusedRequests(clock);
    }

    @Provides
    @Singleton
    JavalinHttpServer httpServer(
            MetricsExposition exposition,
            LatestMetrics latest,
            Set<HealthCheck> checks,
            ComponentPushReceiver pushReceiver,
            Provider<AggregatedMetricsQuery> aggregates,
            Provider<AlertQueries> alerts,
            Provider<ConfigReloader> reloader,
            Provider<NotificationAdmin> notifications,
            Provider<SilenceAdmin> silences,
            Provider<AlertAcknowledger> acknowledger,
            Optional<AckLinks> ackLinks,
            InstantSource clock,
            RefusedRequests refusals) {
        HttpServerSettings http = new HttpServerSettings(
                settings.host(),
                settings.port(),
                HttpServerSettings.DEFAULT_MAX_REQUEST_BYTES,
                settings.apiToken(),
                HttpServerSettings.DEFAULT_REQUEST_BODY_TIMEOUT,
                settings.readToken(),
                settings.readTokenScope());
        return new JavalinHttpServer(
                http,
                new HttpServerPorts(
                        exposition,
                        latest,
                        readinessBeforeJoin(checks),
                        pushReceiver,
                        Deferred.port(AggregatedMetricsQuery.class, aggregates, join),
                        Deferred.port(AlertQueries.class, alerts, join),
                        Deferred.port(ConfigReloader.class, reloader, join),
                        Deferred.port(NotificationAdmin.class, notifications, join),
                        clock,
                        Deferred.port(SilenceAdmin.class, silences, join),
                        Deferred.port(AlertAcknowledger.class, acknowledger, join),
                        ackLinks),
                refusals);
    }

    /** The checks of the parts that answer first, and the database half's stand-in until it joins. */
    static List<HealthCheck> readinessBeforeJoin(Set<HealthCheck> early) {
        List<HealthCheck> checks = new ArrayList<>(early);
        checks.add(DatabaseJoin.STARTING);
        return checks;
    }
}
