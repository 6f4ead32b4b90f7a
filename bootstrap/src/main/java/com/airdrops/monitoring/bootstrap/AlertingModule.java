package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.aggregation.MetricsAggregator;
import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.alerting.NotificationPlanner;
import com.airdrops.monitoring.domain.port.AlertQueries;
import com.airdrops.monitoring.domain.port.AlertRepository;
import com.airdrops.monitoring.domain.port.ConfigReloader;
import com.airdrops.monitoring.domain.port.LatestMetrics;
import com.airdrops.monitoring.domain.port.MetricsSource;
import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.InstantSource;

/** Provides the Alerter with the configured rules and its state restored, its queries and the reloader. */
final class AlertingModule extends AbstractModule {
    private final AgentConfiguration configuration;

    AlertingModule(AgentConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void configure() {
        bind(AlertQueries.class).to(Alerter.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class).addBinding().to(Alerter.class);
        bind(ConfigReloader.class).to(RulesReloader.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class).addBinding().to(EvaluationLoop.class);
    }

    @Provides
    @Singleton
    EvaluationLoop evaluationLoop(Alerter alerter, Provider<LatestMetrics> latest, MetricsAggregator aggregator) {
        // A provider: the collector's snapshot sources include this loop's own metrics.
        return new EvaluationLoop(alerter, () -> latest.get().latest(), aggregator,
                configuration.settings().alertEvaluationInterval(), configuration.settings().alertRetention());
    }

    @Provides
    @Singleton
    Alerter alerter(AlertRepository repository, InstantSource clock, NotificationPlanner planner) {
        Alerter alerter = new Alerter(repository, clock, planner);
        alerter.loadAlertRules(configuration.rules());
        return alerter;
    }

    @Provides
    @Singleton
    RulesReloader reloader(Alerter alerter, NotificationPlanner planner) {
        return new RulesReloader(configuration, alerter, planner);
    }
}
