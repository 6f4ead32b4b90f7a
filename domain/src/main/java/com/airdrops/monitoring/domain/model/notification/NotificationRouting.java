package com.airdrops.monitoring.domain.model.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notification settings in force: every channel's route (enabled, severities, repeat interval), the policy, and
 * each channel's config as the API may show it (secrets already redacted). One immutable value, replaced whole by a
 * reload, so the planner, the deliveries and the channels view never see a mix of old and new.
 */
public record NotificationRouting(
        List<ChannelRoute> routes, NotificationPolicy policy, Map<String, Map<String, Object>> shownConfigs) {
    public NotificationRouting {
        routes = List.copyOf(routes);
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        shownConfigs = Collections.unmodifiableMap(new LinkedHashMap<>(shownConfigs));
    }
}
