package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.collection.CollectionHealthCheck;
import com.airdrops.monitoring.collection.ComponentRegistration;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.SystemProbe;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
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
    MetricsCollector collector(
            SystemProbe probe,
            List<ComponentRegistration> components,
            Set<MetricsSource> sources,
            InstantSource clock) {
        return new MetricsCollector(probe, components, List.copyOf(sources), clock);
    }

    @Provides
    @Singleton
    CollectionHealthCheck collectionHealth(LatestMetrics latest) {
        return new CollectionHealthCheck(latest);
    }
}
