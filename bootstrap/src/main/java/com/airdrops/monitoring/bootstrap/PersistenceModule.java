package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.persistence.JdbiAlertRepository;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.port.AlertRepository;
import com.airdrops.monitoring.domain.port.HealthCheck;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/** Opens the database of MONITORING_DB_URL and exposes the alert repository and the database readiness check. */
final class PersistenceModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(Database.class);
        bind(AlertRepository.class).to(JdbiAlertRepository.class);
    }

    @Provides
    @Singleton
    Database database(MonitoringSettings settings) {
        return Database.open(settings.databaseUrl());
    }

    @Provides
    @Singleton
    JdbiAlertRepository alertRepository(Database database) {
        return new JdbiAlertRepository(database);
    }
}
