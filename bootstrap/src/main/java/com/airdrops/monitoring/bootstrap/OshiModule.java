package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.oshi.OshiProbeSettings;
import com.airdrops.monitoring.adapters.oshi.OshiSystemProbe;
import com.airdrops.monitoring.config.CollectionSection;
import com.airdrops.monitoring.domain.port.driven.SystemProbe;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** Exposes the OSHI host probe as the {@link SystemProbe} port. */
final class OshiModule extends AbstractModule {
    private final CollectionSection settings;

    OshiModule(CollectionSection settings) {
        this.settings = settings;
    }

    @Provides
    @Singleton
    SystemProbe systemProbe() {
        return new OshiSystemProbe(new OshiProbeSettings(settings.diskPath()));
    }
}
