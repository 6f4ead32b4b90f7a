package com.airdrops.monitoring.domain.model.component;

import java.util.Locale;

/** Health of a bot component as exposed by {@code component_status} (1 healthy, 0 unhealthy). */
public enum ComponentStatus {
    HEALTHY,
    UNHEALTHY;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public double gaugeValue() {
        return this == HEALTHY ? 1.0 : 0.0;
    }

    public static ComponentStatus parse(String text) {
        for (ComponentStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown component status '" + text + "', allowed: healthy, unhealthy");
    }
}
