package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.aggregation.AggregationLoop;
import com.airdrops.monitoring.aggregation.AggregationSettings;
import com.airdrops.monitoring.aggregation.MetricsAggregator;
import com.airdrops.monitoring.config.AggregationSection;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;
import com.airdrops.monitoring.domain.port.driven.ClosedWindowSamples;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.AggregatedMetricsQuery;
import com.airdrops.monitoring.domain.work.LoopFailures;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/**
 * Provides the aggregator as a sink of every snapshot, its query, its closed windows for alert rules, and its
 * self-metrics, and the loop that drains its buffer; it stores aggregates through whatever {@link AggregateStore} the
 * persistence module binds.
 */
final class AggregationModule extends AbstractModule {
    private final LoopFailures failures = new LoopFailures("aggregation");
    private final AggregationSection settings;

    AggregationModule(AggregationSection settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        Multibinder<MetricsSource> sources =
                Multibinder.newSetBinder(binder(), MetricsSource.class, DatabaseHalf.class);
        sources.addBinding().toInstance(failures);
        sources.addBinding().to(MetricsAggregator.class);
        Multibinder.newSetBinder(binder(), MetricsSink.class, DatabaseHalf.class)
                .addBinding()
                .to(MetricsAggregator.class);
        bind(AggregatedMetricsQuery.class).to(MetricsAggregator.class);
        bind(ClosedWindowSamples.class).to(MetricsAggregator.class);
    }

    @Provides
    @Singleton
    MetricsAggregator aggregator(AggregateStore store) {
        return new MetricsAggregator(
                new AggregationSettings(
                        settings.window(),
                        settings.functions(),
                        settings.retention(),
                        settings.bufferMaxSize(),
                        settings.maxSeries()),
                store);
    }

    @Provides
    @Singleton
    AggregationLoop aggregationLoop(MetricsAggregator aggregator) {
        return new AggregationLoop(aggregator, failures);
    }
}
