package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.persistence.JdbiAlertRepository;
import com.airdrops.monitoring.alerting.ChannelDelivery;
import com.airdrops.monitoring.alerting.DeliveryStats;
import com.airdrops.monitoring.alerting.NotificationPlanner;
import com.airdrops.monitoring.config.ChannelSettings;
import com.airdrops.monitoring.domain.model.OutboxEntry;
import com.airdrops.monitoring.domain.port.MetricsSource;
import com.airdrops.monitoring.domain.port.NotificationAdmin;
import com.airdrops.monitoring.domain.port.NotificationOutbox;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Provides the notification planner, one delivery worker per channel on the outbox, their stats, and the admin API. */
final class NotifyModule extends AbstractModule {
    private final AgentConfiguration configuration;

    NotifyModule(AgentConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void configure() {
        bind(NotificationOutbox.class).to(JdbiAlertRepository.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class).addBinding().to(DeliveryStats.class);
    }

    @Provides
    @Singleton
    NotificationPlanner planner() {
        return new NotificationPlanner(configuration.notifications().routes(), configuration.notifications().policy());
    }

    @Provides
    @Singleton
    DeliveryStats stats(NotificationOutbox outbox) {
        return new DeliveryStats(outbox, List.copyOf(configuration.notifiers().keySet()));
    }

    @Provides
    @Singleton
    DeliveryWorkers workers(NotificationOutbox outbox, InstantSource clock, DeliveryStats stats) {
        SecureRandom random = new SecureRandom();
        List<ChannelDelivery> deliveries = new ArrayList<>();
        configuration.notifiers().forEach((channel, notifier) -> deliveries.add(new ChannelDelivery(channel, notifier,
                outbox, configuration.notifications().policy(), clock, random::nextDouble, stats)));
        return new DeliveryWorkers(deliveries, configuration.notifications().policy().timeout());
    }

    @Provides
    @Singleton
    NotificationAdmin admin(NotificationOutbox outbox, InstantSource clock, NotificationPlanner planner) {
        return new NotificationAdmin() {
            @Override
            public List<ChannelView> channels() {
                return configuration.notifications().channels().stream().map(NotifyModule::view).toList();
            }

            @Override
            public List<OutboxEntry> deadLetters(int limit) {
                return outbox.dead(limit);
            }

            @Override
            public Optional<OutboxEntry> replay(long id) {
                return outbox.replay(id, clock.instant()) ? outbox.find(id) : Optional.empty();
            }
        };
    }

    private static NotificationAdmin.ChannelView view(ChannelSettings settings) {
        return new NotificationAdmin.ChannelView(settings.channel().name(), settings.channel().type(),
                settings.channel().enabled(), settings.route().severities(), settings.redactedConfig());
    }
}
