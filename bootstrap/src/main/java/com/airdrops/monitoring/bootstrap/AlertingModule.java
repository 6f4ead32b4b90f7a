package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.alerting.AlertListeners;
import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.alerting.ConfigurationReloader;
import com.airdrops.monitoring.alerting.EvaluationHealthCheck;
import com.airdrops.monitoring.alerting.EvaluationLoop;
import com.airdrops.monitoring.alerting.EvaluationStats;
import com.airdrops.monitoring.alerting.RuleWindows;
import com.airdrops.monitoring.alerting.Silencer;
import com.airdrops.monitoring.config.ConfigurationFilesReader;
import com.airdrops.monitoring.config.LinearRegex;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.ClosedWindowSamples;
import com.airdrops.monitoring.domain.port.driven.EvaluationTrigger;
import com.airdrops.monitoring.domain.port.driven.FallbackOutbox;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.NotificationPlanner;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.port.driving.SilenceAdmin;
import com.airdrops.monitoring.notification.LiveRouting;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.InstantSource;
import java.util.Map;

/** Provides the Alerter with the configured rules and its state restored, its evaluation loop and the reloader. */
final class AlertingModule extends AbstractModule {
    private final AgentConfiguration configuration;

    AlertingModule(AgentConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void configure() {
        bind(AlertQueries.class).to(Alerter.class);
        bind(AlertAcknowledger.class).to(Alerter.class);
        bind(SilenceAdmin.class).to(Silencer.class);
        bind(ConfigReloader.class).to(ConfigurationReloader.class);
        bind(EvaluationTrigger.class).to(EvaluationLoop.class);
        // The rule windows and the regex engine need no database: they fill and count from the first collection.
        Multibinder<MetricsSource> sources = Multibinder.newSetBinder(binder(), MetricsSource.class);
        sources.addBinding().to(RuleWindows.class);
        sources.addBinding().toInstance(LinearRegex.ENGINE);
        Multibinder.newSetBinder(binder(), MetricsSink.class).addBinding().to(RuleWindows.class);
        Multibinder<MetricsSource> joined = Multibinder.newSetBinder(binder(), MetricsSource.class, DatabaseHalf.class);
        joined.addBinding().to(Alerter.class);
        joined.addBinding().to(EvaluationStats.class);
        joined.addBinding().to(Silencer.class);
        joined.addBinding().to(AlertListeners.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class, DatabaseHalf.class)
                .addBinding()
                .to(EvaluationHealthCheck.class);
    }

    @Provides
    @Singleton
    EvaluationHealthCheck evaluationHealth(Alerter alerter, EvaluationStats stats, InstantSource clock) {
        return new EvaluationHealthCheck(
                alerter, stats, configuration.settings().alerting().evaluationInterval(), clock);
    }

    @Provides
    @Singleton
    RuleWindows ruleWindows() {
        return new RuleWindows(configuration.settings().alerting().windowMaxSeries());
    }

    @Provides
    @Singleton
    EvaluationStats evaluationStats() {
        return new EvaluationStats();
    }

    @Provides
    @Singleton
    EvaluationLoop evaluationLoop(
            Alerter alerter,
            LatestMetrics latest,
            ClosedWindowSamples closedWindow,
            EvaluationStats stats,
            InstantSource clock,
            Leadership leadership) {
        return new EvaluationLoop(
                alerter,
                latest,
                closedWindow,
                stats,
                configuration.settings().alerting().evaluationInterval(),
                configuration.settings().alerting().retention(),
                clock,
                leadership);
    }

    @Provides
    @Singleton
    AlertListeners alertListeners(Alerter alerter) {
        return alerter.listeners();
    }

    @Provides
    @Singleton
    Silencer silencer(SilenceStore store, InstantSource clock) {
        return new Silencer(store, clock);
    }

    @Provides
    @Singleton
    Alerter alerter(
            AlertRepository repository,
            InstantSource clock,
            NotificationPlanner planner,
            Silencer silencer,
            FallbackOutbox fallback,
            RuleWindows windows) {
        // Every alert names the agent that raised it: agents sharing a database or an Alertmanager stay apart.
        Alerter alerter = new Alerter(
                repository,
                clock,
                planner,
                Map.of("instance", configuration.settings().instance()),
                silencer,
                fallback,
                windows);
        alerter.loadAlertRules(configuration.rules());
        silencer.whenChanged(alerter::silencesChanged);
        return alerter;
    }

    @Provides
    @Singleton
    ConfigurationReloader reloader(Alerter alerter, LiveRouting routing) {
        ConfigurationFilesReader files = new ConfigurationFilesReader(
                configuration.settings().files(),
                configuration.environment(),
                configuration.plugins().notifierFactories().keySet(),
                configuration.notifiers().keySet());
        return new ConfigurationReloader(files, alerter, routing);
    }
}
