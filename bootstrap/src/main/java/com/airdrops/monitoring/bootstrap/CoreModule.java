package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.MonitoringSettings;
import com.google.inject.AbstractModule;
import java.time.InstantSource;

/** Binds the settings and the clock every service shares. */
final class CoreModule extends AbstractModule {
    private final MonitoringSettings settings;
    private final InstantSource clock;

    CoreModule(MonitoringSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(MonitoringSettings.class).toInstance(settings);
        bind(InstantSource.class).toInstance(clock);
    }
}
