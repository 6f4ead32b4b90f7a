package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.MetricsExposition;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/** Exposes the Micrometer publisher as a {@link MetricsSink} and as the {@link MetricsExposition} of /metrics. */
final class PrometheusModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), MetricsSink.class).addBinding().to(MicrometerMetricsPublisher.class);
        bind(MetricsExposition.class).to(MicrometerMetricsPublisher.class);
    }

    /** The services' own figures are read live at each scrape; JVM and process metrics come with them. */
    @Provides
    @Singleton
    MicrometerMetricsPublisher publisher(Set<MetricsSource> sources, InstantSource clock) {
        return MicrometerMetricsPublisher.withJvmMetrics(List.copyOf(sources), clock);
    }
}
