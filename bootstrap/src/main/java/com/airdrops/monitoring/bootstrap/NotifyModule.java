package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.http.HmacAckLinks;
import com.airdrops.monitoring.config.EnvironmentSettings;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.config.NotificationsSection;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
import com.airdrops.monitoring.domain.port.driven.FallbackOutbox;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.NotificationOutbox;
import com.airdrops.monitoring.domain.port.driven.NotificationPlanner;
import com.airdrops.monitoring.domain.port.driving.NotificationAdmin;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;
import com.airdrops.monitoring.notification.ChannelDelivery;
import com.airdrops.monitoring.notification.DeliveryStats;
import com.airdrops.monitoring.notification.DeliveryWorkers;
import com.airdrops.monitoring.notification.FailOpenOutbox;
import com.airdrops.monitoring.notification.LiveRouting;
import com.airdrops.monitoring.notification.MemoryOutbox;
import com.airdrops.monitoring.notification.NotificationAdministration;
import com.airdrops.monitoring.notification.OutboxMaintenance;
import com.airdrops.monitoring.notification.RoutingNotificationPlanner;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Provides the notification setup in force, the planner, one delivery worker per channel on the outbox, their stats,
 * and the admin API; all of them read the one {@link LiveRouting}, which a reload replaces.
 */
final class NotifyModule extends AbstractModule {
    private final AgentConfiguration configuration;

    NotifyModule(AgentConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void configure() {
        bind(NotificationPlanner.class).to(RoutingNotificationPlanner.class);
        bind(NotificationAdmin.class).to(NotificationAdministration.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class).addBinding().to(DeliveryStats.class);
        bind(FallbackOutbox.class).to(MemoryOutbox.class);
        Multibinder.newSetBinder(binder(), MetricsSource.class).addBinding().to(MemoryOutbox.class);
    }

    @Provides
    @Singleton
    MemoryOutbox memoryOutbox(InstantSource clock) {
        return new MemoryOutbox(clock);
    }

    @Provides
    @Singleton
    LiveRouting setup() {
        return new LiveRouting(configuration.notifications().routing());
    }

    @Provides
    @Singleton
    RoutingNotificationPlanner planner(LiveRouting setup, Optional<AckLinks> ackLinks) {
        Set<String> acknowledgementTypes = configuration.plugins().notifierFactories().values().stream()
                .filter(AlertNotifierFactory::takesAcknowledgements)
                .map(AlertNotifierFactory::type)
                .collect(Collectors.toSet());
        return new RoutingNotificationPlanner(setup, ackLinks, Optional.of(pageLink()), acknowledgementTypes);
    }

    /**
     * The agent's status page, as notifications link back to it: MONITORING_PUBLIC_URL, else the address it listens
     * on (this host's name when it listens on every interface).
     */
    private String pageLink() {
        MonitoringSettings settings = configuration.settings();
        return settings.notifications()
                .publicUrl()
                .map(url -> url.endsWith("/") ? url : url + "/")
                .orElseGet(() -> {
                    String host = settings.http().host();
                    String shown = host.equals("0.0.0.0") || host.equals("::") ? EnvironmentSettings.hostName() : host;
                    return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":"
                            + settings.http().port() + "/";
                });
    }

    /** Signed ack links in notifications, when a secret and the agent's public URL are configured. */
    @Provides
    @Singleton
    Optional<AckLinks> ackLinks() {
        NotificationsSection settings = configuration.settings().notifications();
        return settings.ackSecret()
                .map(secret ->
                        new HmacAckLinks(secret, settings.publicUrl().orElseThrow(), settings.ackLinkValidity()));
    }

    @Provides
    @Singleton
    NotificationAdministration admin(LiveRouting setup, NotificationOutbox outbox, InstantSource clock) {
        return new NotificationAdministration(setup, outbox, clock);
    }

    @Provides
    @Singleton
    DeliveryStats stats() {
        return new DeliveryStats(List.copyOf(configuration.notifiers().keySet()));
    }

    @Provides
    @Singleton
    OutboxMaintenance outboxMaintenance(
            NotificationOutbox outbox, DeliveryStats stats, InstantSource clock, Leadership leadership) {
        return new OutboxMaintenance(
                outbox,
                stats,
                clock,
                configuration.settings().notifications().outboxRetention(),
                configuration.settings().notifications().deadLetterRetention(),
                leadership);
    }

    @Provides
    @Singleton
    DeliveryWorkers workers(
            LiveRouting setup,
            NotificationOutbox outbox,
            MemoryOutbox memory,
            InstantSource clock,
            DeliveryStats stats,
            Leadership leadership) {
        SecureRandom random = new SecureRandom();
        List<ChannelDelivery> deliveries = new ArrayList<>();
        configuration
                .notifiers()
                .forEach((channel, notifier) -> deliveries.add(new ChannelDelivery(
                        channel,
                        notifier,
                        new FailOpenOutbox(channel, outbox, memory, clock),
                        setup,
                        clock,
                        random::nextDouble,
                        stats)));
        return new DeliveryWorkers(deliveries, setup, stats, leadership);
    }
}
