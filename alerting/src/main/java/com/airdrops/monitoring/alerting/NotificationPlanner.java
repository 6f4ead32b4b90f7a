package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.AlertFingerprint;
import com.airdrops.monitoring.domain.model.AlertStatus;
import com.airdrops.monitoring.domain.model.ChannelRoute;
import com.airdrops.monitoring.domain.model.Notification;
import com.airdrops.monitoring.domain.model.NotificationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides what one evaluation pass sends where: each FIRING transition, each RESOLVED one (when send_resolved), and
 * each alert still firing whose last notification to a channel is older than repeat_interval, routed by severity to
 * every enabled channel that takes it, grouped into one message per channel (split every
 * {@value #MAX_ALERTS_PER_MESSAGE} alerts). PENDING transitions are not sent. Not thread-safe; the Alerter's pass
 * owns it.
 */
public final class NotificationPlanner {
    static final int MAX_ALERTS_PER_MESSAGE = 100;

    private volatile List<ChannelRoute> routes;
    private volatile NotificationPolicy policy;
    private final Map<String, Instant> lastSent = new HashMap<>();

    public NotificationPlanner(List<ChannelRoute> routes, NotificationPolicy policy) {
        this.routes = List.copyOf(routes);
        this.policy = policy;
    }

    /** No channels: nothing is ever sent. */
    public static NotificationPlanner none() {
        return new NotificationPlanner(List.of(), NotificationPolicy.DEFAULT);
    }

    public void update(List<ChannelRoute> newRoutes, NotificationPolicy newPolicy) {
        routes = List.copyOf(newRoutes);
        policy = newPolicy;
    }

    public List<ChannelRoute> routes() {
        return routes;
    }

    public NotificationPolicy policy() {
        return policy;
    }

    /** A firing alert restored at start counts as notified then: a restart announces nothing again. */
    void restored(Alert firing, Instant at) {
        for (ChannelRoute route : routes) {
            lastSent.put(key(firing, route), at);
        }
    }

    List<Notification> plan(List<Alert> transitions, List<Alert> stillFiring, Instant now) {
        Map<String, List<Alert>> byChannel = new LinkedHashMap<>();
        for (ChannelRoute route : routes) {
            Duration repeat = route.repeatInterval().orElse(policy.repeatInterval());
            for (Alert alert : transitions) {
                if (!route.receives(alert)) {
                    continue;
                }
                String key = key(alert, route);
                if (alert.status() == AlertStatus.FIRING) {
                    lastSent.put(key, now);
                    add(byChannel, route, alert);
                } else if (alert.status() == AlertStatus.RESOLVED) {
                    lastSent.remove(key);
                    if (policy.sendResolved()) {
                        add(byChannel, route, alert);
                    }
                }
            }
            for (Alert alert : stillFiring) {
                if (!route.receives(alert)) {
                    continue;
                }
                String key = key(alert, route);
                Instant last = lastSent.get(key);
                if (last == null || !now.isBefore(last.plus(repeat))) {
                    lastSent.put(key, now);
                    add(byChannel, route, alert);
                }
            }
        }
        List<Notification> notifications = new ArrayList<>();
        byChannel.forEach((channel, alerts) -> {
            for (int from = 0; from < alerts.size(); from += MAX_ALERTS_PER_MESSAGE) {
                List<Alert> chunk = alerts.subList(from, Math.min(alerts.size(), from + MAX_ALERTS_PER_MESSAGE));
                notifications.add(new Notification(UUID.randomUUID().toString(), channel, chunk, 0));
            }
        });
        return notifications;
    }

    private static void add(Map<String, List<Alert>> byChannel, ChannelRoute route, Alert alert) {
        byChannel.computeIfAbsent(route.channel().name(), name -> new ArrayList<>()).add(alert);
    }

    private static String key(Alert alert, ChannelRoute route) {
        return AlertFingerprint.of(alert.ruleName(), alert.labels()) + "/" + route.channel().name();
    }
}
