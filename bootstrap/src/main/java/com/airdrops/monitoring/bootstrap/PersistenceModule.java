package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.persistence.DatabaseSettings;
import com.airdrops.monitoring.adapters.persistence.JdbiAggregateStore;
import com.airdrops.monitoring.adapters.persistence.JdbiAlertRepository;
import com.airdrops.monitoring.adapters.persistence.JdbiNotificationOutbox;
import com.airdrops.monitoring.adapters.persistence.JdbiSilenceStore;
import com.airdrops.monitoring.adapters.persistence.LeaseKeeper;
import com.airdrops.monitoring.aggregation.LeaderOnlyAggregateStore;
import com.airdrops.monitoring.config.EnvironmentSettings;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.NotificationOutbox;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.InstantSource;

/**
 * Opens the database of MONITORING_DB_URL and binds every port it backs: alert state and history, the notification
 * outbox, the aggregate store, and the database readiness check.
 */
final class PersistenceModule extends AbstractModule {
    private final DatabaseSettings settings;
    private final int maxStoredAggregates;

    private PersistenceModule(DatabaseSettings settings, int maxStoredAggregates) {
        this.settings = settings;
        this.maxStoredAggregates = maxStoredAggregates;
    }

    /** The database of the settings, rows owned by the agent's instance, and the aggregates' bound. */
    static PersistenceModule of(MonitoringSettings settings) {
        return new PersistenceModule(
                new DatabaseSettings(
                        settings.database().url(),
                        settings.database().poolSize(),
                        settings.database().timeout(),
                        settings.instance(),
                        holderName(settings),
                        settings.database().leaseTtl(),
                        settings.database().compactAboveBytes()),
                settings.aggregation().maxStored());
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HealthCheck.class, DatabaseHalf.class)
                .addBinding()
                .to(Database.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class, DatabaseHalf.class)
                .addBinding()
                .to(Database.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class, DatabaseHalf.class)
                .addBinding()
                .to(JdbiAggregateStore.class);
        bind(AlertRepository.class).to(JdbiAlertRepository.class);
        bind(SilenceStore.class).to(JdbiSilenceStore.class);
        bind(NotificationOutbox.class).to(JdbiNotificationOutbox.class);
        bind(AggregateStore.class).to(LeaderOnlyAggregateStore.class);
        bind(Leadership.class).to(LeaseKeeper.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class, DatabaseHalf.class)
                .addBinding()
                .to(LeaseKeeper.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class, DatabaseHalf.class)
                .addBinding()
                .to(LeaseKeeper.class);
    }

    @Provides
    @Singleton
    Database database() {
        return Database.open(settings);
    }

    /** The same name across restarts of one agent (host and home), different for the other agent of a pair. */
    static String holderName(MonitoringSettings settings) {
        String name = EnvironmentSettings.hostName() + ":" + settings.home();
        return name.length() > 512 ? name.substring(name.length() - 512) : name;
    }

    @Provides
    @Singleton
    LeaseKeeper leaseKeeper(Database database, InstantSource clock) {
        return new LeaseKeeper(database, settings.instance(), settings.leaseTtl(), clock);
    }

    @Provides
    @Singleton
    LeaderOnlyAggregateStore leaderOnlyAggregates(JdbiAggregateStore store, Leadership leadership) {
        return new LeaderOnlyAggregateStore(store, leadership);
    }

    @Provides
    @Singleton
    JdbiAlertRepository alertRepository(Database database) {
        return new JdbiAlertRepository(database);
    }

    @Provides
    @Singleton
    JdbiSilenceStore silenceStore(Database database) {
        return new JdbiSilenceStore(database);
    }

    @Provides
    @Singleton
    JdbiNotificationOutbox outbox(Database database) {
        return new JdbiNotificationOutbox(database);
    }

    @Provides
    @Singleton
    JdbiAggregateStore aggregateStore(Database database) {
        return new JdbiAggregateStore(database, maxStoredAggregates);
    }
}
