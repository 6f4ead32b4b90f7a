package com.airdrops.monitoring.domain.model.component;

import java.util.Locale;

/**
 * Health of a bot component as exposed by {@code component_status} (1 healthy, 0 unhealthy). {@code STOPPING} is a
 * bot's last word before a planned stop: healthy until then, and its silence afterwards is a stop, not a crash.
 */
public enum ComponentStatus {
    HEALTHY,
    UNHEALTHY,
    STOPPING;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public double gaugeValue() {
        return this == UNHEALTHY ? 0.0 : 1.0;
    }

    public static ComponentStatus parse(String text) {
        for (ComponentStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "unknown component status '" + text + "', allowed: healthy, unhealthy, stopping");
    }
}
