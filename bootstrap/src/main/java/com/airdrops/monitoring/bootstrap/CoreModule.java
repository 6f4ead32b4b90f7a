package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.time.Clock;
import java.time.InstantSource;

/** Binds the settings, the clock every service shares, and the failure counts of the loops bootstrap runs. */
final class CoreModule extends AbstractModule {
    private final MonitoringSettings settings;
    private final InstantSource clock;

    CoreModule(MonitoringSettings settings) {
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    @Override
    protected void configure() {
        bind(MonitoringSettings.class).toInstance(settings);
        bind(InstantSource.class).toInstance(clock);
        LoopFailures failures = new LoopFailures();
        bind(LoopFailures.class).toInstance(failures);
        Multibinder.newSetBinder(binder(), MetricsSource.class).addBinding().toInstance(failures);
    }
}
