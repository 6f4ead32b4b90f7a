package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One channel of notifications.yaml: its route, the config keys whose values came from the environment (secrets),
 * and where it stands in the file (for errors found later, e.g. by the channel type's own checks).
 */
public record ConfiguredChannel(
        ChannelRoute route, Set<String> secretKeys, String location, Map<String, String> configLocations) {
    private static final List<String> SECRET_WORDS =
            List.of("password", "secret", "token", "key", "webhook_url", "authorization");

    public ConfiguredChannel {
        secretKeys = Set.copyOf(secretKeys);
        configLocations = Map.copyOf(configLocations);
    }

    public ConfiguredChannel(ChannelRoute route, Set<String> secretKeys, String location) {
        this(route, secretKeys, location, Map.of());
    }

    /**
     * A problem the channel type found, located: at the config key it names ({@code config.routing_key must be
     * ...}) when that key is in the file, else at the channel.
     */
    public String locate(String problem) {
        for (Map.Entry<String, String> key : configLocations.entrySet()) {
            String prefix = "config." + key.getKey() + " ";
            if (problem.startsWith(prefix)) {
                return key.getValue() + ": " + problem.substring(prefix.length());
            }
        }
        return location + ": " + problem;
    }

    public NotificationChannel channel() {
        return route.channel();
    }

    /**
     * The channel's config with every secret shown as "***" (values from ${ENV} and secret-looking keys, however deep
     * in mappings and lists) and every URL without its user-info.
     */
    public Map<String, Object> redactedConfig() {
        return redactMap(channel().config(), "");
    }

    private Map<String, Object> redactMap(Map<?, ?> config, String prefix) {
        Map<String, Object> shown = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            String path = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            shown.put(String.valueOf(key), looksSecret(String.valueOf(key)) ? "***" : redact(value, path));
        });
        return shown;
    }

    private Object redact(Object value, String path) {
        if (secretKeys.contains(path)) {
            return "***";
        }
        if (value instanceof Map<?, ?> nested) {
            return redactMap(nested, path);
        }
        if (value instanceof List<?> items) {
            List<Object> shown = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                shown.add(redact(items.get(i), path + "[" + i + "]"));
            }
            return shown;
        }
        return value instanceof String text ? Redaction.urls(text) : value;
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }
}
