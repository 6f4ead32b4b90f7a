package com.airdrops.monitoring.domain.model.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How urgent an alert is; config and JSON spell it in lower case. */
public enum AlertSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static AlertSeverity parse(String text) {
        for (AlertSeverity severity : values()) {
            if (severity.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "', allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(AlertSeverity::wireName).collect(Collectors.joining(", "));
    }
}
