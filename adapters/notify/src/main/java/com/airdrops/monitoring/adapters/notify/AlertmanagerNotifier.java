package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel type {@code alertmanager}: {@code POST /api/v2/alerts} to every URL of {@code config.urls} (the members of
 * an Alertmanager cluster, which gossip and deduplicate among themselves). Firing alerts carry {@code startsAt};
 * resolved ones {@code endsAt}. Delivered when at least one member accepted. Thread-safe.
 */
public final class AlertmanagerNotifier implements AlertNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerNotifier.class);

    private final String channel;
    private final List<URI> endpoints;

    AlertmanagerNotifier(NotificationChannel channel) {
        this.channel = channel.name();
        List<URI> uris = new ArrayList<>();
        for (String url : new ChannelOptions(channel).textList("urls")) {
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            try {
                URI uri = URI.create(base + "/api/v2/alerts");
                if (uri.getHost() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    throw new IllegalArgumentException("not http");
                }
                uris.add(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("config.urls must hold http:// or https:// URLs (channel '"
                        + channel.name() + "', type alertmanager)");
            }
        }
        this.endpoints = List.copyOf(uris);
    }

    @Override
    public DeliveryOutcome send(Notification notification, Duration timeout) {
        byte[] body = AlertmanagerFormat.apiV2Body(notification);
        List<String> failures = new ArrayList<>();
        boolean retryable = false;
        for (URI endpoint : endpoints) {
            DeliveryOutcome outcome = JsonHttp.post(endpoint, body, Map.of(), timeout);
            String member = endpoint.getHost() + ":" + endpoint.getPort() + " ";
            switch (outcome) {
                case DeliveryOutcome.Delivered delivered -> {}
                case DeliveryOutcome.RetryLater later -> {
                    failures.add(member + later.reason());
                    retryable = true;
                }
                case DeliveryOutcome.Rejected rejected -> failures.add(member + rejected.reason());
            }
        }
        if (failures.size() < endpoints.size()) {
            if (!failures.isEmpty()) {
                LOG.warn("Alertmanager channel {}: some members refused: {}", channel, failures);
            }
            return DeliveryOutcome.delivered();
        }
        String reason = String.join("; ", failures);
        return retryable ? DeliveryOutcome.retry(reason) : DeliveryOutcome.rejected(reason);
    }
}
