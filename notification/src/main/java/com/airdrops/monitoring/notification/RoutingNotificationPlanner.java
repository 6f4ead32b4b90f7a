package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
import com.airdrops.monitoring.domain.port.driven.NotificationPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides what one evaluation pass sends where: each FIRING transition, each RESOLVED one (when send_resolved), and
 * each alert still firing whose last notification to a channel is older than repeat_interval, routed by severity to
 * every enabled channel that takes it, grouped into one message per channel (split every
 * {@value #MAX_ALERTS_PER_MESSAGE} alerts). PENDING transitions are not sent. Each pass reads the setup in force once.
 *
 * <p>A silenced alert is not sent at all, and counts as never sent: when its silence ends while it fires, it is sent
 * at the next pass. An acknowledged alert gets no repeats while its acknowledgement holds. With {@link AckLinks},
 * every firing alert sent carries a signed link that acknowledges it.
 *
 * <p>Not thread-safe; the alerting pass owns it.
 */
public final class RoutingNotificationPlanner implements NotificationPlanner {
    static final int MAX_ALERTS_PER_MESSAGE = 100;

    private final LiveRouting setup;
    private final Optional<AckLinks> ackLinks;
    private final Optional<String> pageLink;
    private final Set<String> acknowledgementTypes;
    private final Map<String, Instant> lastSent = new HashMap<>();

    public RoutingNotificationPlanner(LiveRouting setup) {
        this(setup, Optional.empty(), Optional.empty());
    }

    public RoutingNotificationPlanner(LiveRouting setup, Optional<AckLinks> ackLinks) {
        this(setup, ackLinks, Optional.empty());
    }

    /** @param pageLink the agent's status page, which each notified alert links back to (generatorURL) */
    public RoutingNotificationPlanner(LiveRouting setup, Optional<AckLinks> ackLinks, Optional<String> pageLink) {
        this(setup, ackLinks, pageLink, Set.of());
    }

    /** @param acknowledgementTypes the channel types told of acknowledgements (their factories take them) */
    public RoutingNotificationPlanner(
            LiveRouting setup,
            Optional<AckLinks> ackLinks,
            Optional<String> pageLink,
            Set<String> acknowledgementTypes) {
        this.setup = setup;
        this.ackLinks = ackLinks;
        this.pageLink = pageLink;
        this.acknowledgementTypes = Set.copyOf(acknowledgementTypes);
    }

    /** An acknowledged alert goes to the channels of those types that receive it, linked like a firing one. */
    @Override
    public List<Notification> acknowledged(Alert acknowledged, Instant now) {
        List<Notification> notifications = new ArrayList<>();
        for (ChannelRoute route : setup.current().routes()) {
            if (acknowledgementTypes.contains(route.channel().type()) && route.receives(acknowledged)) {
                notifications.add(new Notification(
                        UUID.randomUUID().toString(), route.channel().name(), List.of(withLink(acknowledged, now)), 0));
            }
        }
        return notifications;
    }

    @Override
    public void restored(Alert firing, Instant at) {
        for (ChannelRoute route : setup.current().routes()) {
            lastSent.put(key(firing, route), at);
        }
    }

    @Override
    public List<Notification> plan(List<Alert> transitions, List<Alert> stillFiring, Instant now) {
        NotificationRouting current = setup.current();
        NotificationPolicy policy = current.policy();
        Map<String, List<Alert>> byChannel = new LinkedHashMap<>();
        for (ChannelRoute route : current.routes()) {
            Duration repeat = route.repeatInterval().orElse(policy.repeatInterval());
            for (Alert alert : transitions) {
                if (!route.receives(alert)) {
                    continue;
                }
                String key = key(alert, route);
                if (alert.marks().silenced()) {
                    lastSent.remove(key);
                } else if (alert.status() == AlertStatus.FIRING) {
                    lastSent.put(key, now);
                    add(byChannel, route, withLink(alert, now));
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
                if (alert.marks().silenced()) {
                    lastSent.remove(key); // sent again as soon as the silence ends
                    continue;
                }
                Instant last = lastSent.get(key);
                if (last != null && alert.marks().acknowledgedAt(now)) {
                    continue; // someone is on it: no repeats until it resolves or the acknowledgement ends
                }
                if (last == null || !now.isBefore(last.plus(repeat))) {
                    lastSent.put(key, now);
                    add(byChannel, route, withLink(alert, now));
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

    private Alert withLink(Alert alert, Instant now) {
        Alert linked = pageLink.map(link -> alert.withMarks(alert.marks().withPageLink(link)))
                .orElse(alert);
        return ackLinks.map(links -> linked.withMarks(linked.marks()
                        .withAckLink(links.link(
                                alert.fingerprint(), alert.firingSince().orElse(alert.timestamp()), now))))
                .orElse(linked);
    }

    private static void add(Map<String, List<Alert>> byChannel, ChannelRoute route, Alert alert) {
        byChannel
                .computeIfAbsent(route.channel().name(), name -> new ArrayList<>())
                .add(alert);
    }

    private static String key(Alert alert, ChannelRoute route) {
        return alert.fingerprint() + "/" + route.channel().name();
    }
}
