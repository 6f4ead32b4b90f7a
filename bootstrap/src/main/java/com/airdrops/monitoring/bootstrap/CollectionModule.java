package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.collection.ComponentRegistration;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.domain.port.HealthCheck;
import com.airdrops.monitoring.domain.port.HealthCheckResult;
import com.airdrops.monitoring.domain.port.LatestMetrics;
import com.airdrops.monitoring.domain.port.MetricsSource;
import com.airdrops.monitoring.domain.port.SystemProbe;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/** Provides the {@link MetricsCollector}, its latest snapshot and the "collection has run" readiness check. */
final class CollectionModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(LatestMetrics.class).to(MetricsCollector.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(CollectionHealthCheck.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class);
    }

    @Provides
    @Singleton
    MetricsCollector collector(SystemProbe probe, List<ComponentRegistration> components, Set<MetricsSource> sources,
                               InstantSource clock) {
        return new MetricsCollector(probe, components, List.copyOf(sources), clock);
    }

    /** Ready once a collection cycle has produced a snapshot. */
    static final class CollectionHealthCheck implements HealthCheck {
        private final LatestMetrics latest;

        @com.google.inject.Inject
        CollectionHealthCheck(LatestMetrics latest) {
            this.latest = latest;
        }

        @Override
        public String name() {
            return "collection";
        }

        @Override
        public HealthCheckResult check() {
            return latest.latest()
                    .map(snapshot -> HealthCheckResult.up("last collection at " + snapshot.timestamp()))
                    .orElseGet(() -> HealthCheckResult.down("no collection has run yet"));
        }
    }
}
