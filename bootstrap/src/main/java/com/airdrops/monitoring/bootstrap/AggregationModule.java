package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.aggregation.AggregationSettings;
import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.persistence.JdbiAggregateStore;
import com.airdrops.monitoring.aggregation.MetricsAggregator;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.port.AggregateStore;
import com.airdrops.monitoring.domain.port.AggregatedMetricsQuery;
import com.airdrops.monitoring.domain.port.MetricsSink;
import com.airdrops.monitoring.domain.port.MetricsSource;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/**
 * Provides the aggregator as a sink of every snapshot, its query, and its self-metrics; aggregates are stored in the
 * alert database, so they survive restarts.
 */
final class AggregationModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), MetricsSink.class).addBinding().to(MetricsAggregator.class);
        Multibinder<MetricsSource> sources = Multibinder.newSetBinder(binder(), MetricsSource.class);
        sources.addBinding().to(MetricsAggregator.class);
        sources.addBinding().to(JdbiAggregateStore.class);
        bind(AggregatedMetricsQuery.class).to(MetricsAggregator.class);
        bind(AggregateStore.class).to(JdbiAggregateStore.class);
    }

    @Provides
    @Singleton
    JdbiAggregateStore store(Database database, MonitoringSettings settings) {
        return new JdbiAggregateStore(database, settings.maxStoredAggregates());
    }

    @Provides
    @Singleton
    MetricsAggregator aggregator(MonitoringSettings settings, AggregateStore store) {
        return new MetricsAggregator(new AggregationSettings(settings.aggregationWindow(), settings.aggregationFunctions(),
                settings.retentionPeriod(), settings.bufferMaxSize(), settings.maxSeries()), store);
    }
}
