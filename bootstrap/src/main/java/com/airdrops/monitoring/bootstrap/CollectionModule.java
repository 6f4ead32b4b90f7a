package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.alerting.RuleWindows;
import com.airdrops.monitoring.collection.CollectionHealthCheck;
import com.airdrops.monitoring.collection.CollectionLoop;
import com.airdrops.monitoring.collection.ComponentRegistration;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.collection.PushRefresh;
import com.airdrops.monitoring.config.CollectionSection;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.port.driven.EvaluationTrigger;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.SystemProbe;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.work.LoopFailures;
import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provides the {@link MetricsCollector}, its latest snapshot, the "collection has run" readiness check, the collection
 * loop and the push refresh, which count their failures together.
 */
final class CollectionModule extends AbstractModule {
    private final LoopFailures failures = new LoopFailures("collection");
    private final CollectionSection settings;
    private final DatabaseJoin join;

    /** @param join until it is set, a push refresh asks for no pass: the database half's first pass reads the push */
    CollectionModule(CollectionSection settings, DatabaseJoin join) {
        this.settings = settings;
        this.join = join;
    }

    @Override
    protected void configure() {
        bind(LatestMetrics.class).to(MetricsCollector.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(CollectionHealthCheck.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class).addBinding().toInstance(failures);
    }

    @Provides
    @Singleton
    CollectionLoop collectionLoop(MetricsCollector collector, Set<MetricsSink> sinks) {
        return new CollectionLoop(collector, List.copyOf(sinks), settings.interval(), failures);
    }

    @Provides
    @Singleton
    PushRefresh pushRefresh(
            MetricsCollector collector,
            MicrometerMetricsPublisher exposition,
            Provider<EvaluationTrigger> evaluation,
            List<ComponentRegistration> components,
            RuleWindows windows) {
        Map<String, Duration> staleAfter = new HashMap<>();
        for (ComponentRegistration component : components) {
            if (component.definition().source() == ComponentSource.PUSH) {
                staleAfter.put(
                        component.definition().name(), component.definition().staleAfter());
            }
        }
        // A refresh shows the pushed data on /metrics and adds it to the rule windows before the evaluation reads it.
        MetricsSink published = snapshot -> {
            exposition.publish(snapshot);
            windows.publish(snapshot);
        };
        EvaluationTrigger afterJoin = () -> {
            if (join.getAsBoolean()) {
                evaluation.get().evaluateSoon();
            }
        };
        return new PushRefresh(collector, published, afterJoin, failures, staleAfter);
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
    CollectionHealthCheck collectionHealth(MetricsCollector collector) {
        return new CollectionHealthCheck(collector);
    }
}
