package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The channels and the policy of notifications.yaml. */
public record ChannelsAndPolicy(List<ConfiguredChannel> channels, NotificationPolicy policy) {
    public static final ChannelsAndPolicy NONE = new ChannelsAndPolicy(List.of(), NotificationPolicy.DEFAULT);

    public ChannelsAndPolicy {
        channels = List.copyOf(channels);
    }

    public List<ChannelRoute> routes() {
        return channels.stream().map(ConfiguredChannel::route).toList();
    }

    /** The routing these channels and this policy make, each channel's config as the API may show it. */
    public NotificationRouting routing() {
        Map<String, Map<String, Object>> shown = new LinkedHashMap<>();
        for (ConfiguredChannel channel : channels) {
            shown.put(channel.channel().name(), channel.redactedConfig());
        }
        return new NotificationRouting(routes(), policy, shown);
    }
}
