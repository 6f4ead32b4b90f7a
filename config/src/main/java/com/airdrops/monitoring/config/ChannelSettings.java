package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One channel of notifications.yaml: its route, the config keys whose values came from the environment (secrets),
 * and where it stands in the file (for errors found later, e.g. by the channel type's own checks).
 */
public record ChannelSettings(ChannelRoute route, Set<String> secretKeys, String location) {
    private static final List<String> SECRET_WORDS =
            List.of("password", "secret", "token", "key", "webhook_url", "authorization");

    public ChannelSettings {
        secretKeys = Set.copyOf(secretKeys);
    }

    public NotificationChannel channel() {
        return route.channel();
    }

    /** The channel's config with every secret shown as "***": values from ${ENV} and secret-looking keys. */
    public Map<String, Object> redactedConfig() {
        return redact(channel().config(), "");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> redact(Map<String, Object> config, String prefix) {
        Map<String, Object> shown = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (secretKeys.contains(path) || looksSecret(key)) {
                shown.put(key, "***");
            } else if (value instanceof Map<?, ?> nested) {
                shown.put(key, redact((Map<String, Object>) nested, path));
            } else {
                shown.put(key, value);
            }
        });
        return shown;
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }
}
