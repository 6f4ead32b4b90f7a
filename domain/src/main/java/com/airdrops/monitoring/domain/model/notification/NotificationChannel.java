package com.airdrops.monitoring.domain.model.notification;

import com.airdrops.monitoring.domain.model.Require;
import java.util.Map;
import java.util.TreeSet;

/** A configured destination for notifications (email, slack, webhook, alertmanager or a plugin's type). */
public record NotificationChannel(String name, String type, Map<String, Object> config, boolean enabled) {

    public NotificationChannel {
        Require.nonBlank(name, "channel name");
        Require.nonBlank(type, "channel type");
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public NotificationChannel(String name, String type, Map<String, Object> config) {
        this(name, type, config, true);
    }

    /** Names the config keys but never their values, which may be secrets. */
    @Override
    public String toString() {
        return "NotificationChannel[name=" + name + ", type=" + type + ", config keys=" + new TreeSet<>(config.keySet())
                + ", enabled=" + enabled + "]";
    }
}
