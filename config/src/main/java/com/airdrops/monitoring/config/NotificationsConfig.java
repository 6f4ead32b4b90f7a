package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import java.util.List;

/** The channels and the policy of notifications.yaml. */
public record NotificationsConfig(List<ChannelSettings> channels, NotificationPolicy policy) {
    public static final NotificationsConfig NONE = new NotificationsConfig(List.of(), NotificationPolicy.DEFAULT);

    public NotificationsConfig {
        channels = List.copyOf(channels);
    }

    public List<ChannelRoute> routes() {
        return channels.stream().map(ChannelSettings::route).toList();
    }
}
