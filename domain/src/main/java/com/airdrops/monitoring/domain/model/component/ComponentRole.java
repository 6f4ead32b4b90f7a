package com.airdrops.monitoring.domain.model.component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in component types of {@code components.yaml}. The three bot roles expose their own metrics without a
 * {@code component} label, so each may be configured once; {@code generic} components only report extra gauges.
 */
public enum ComponentRole {
    RISK_MANAGER,
    CAPITAL_ALLOCATOR,
    SCHEDULER,
    GENERIC;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public boolean isBotRole() {
        return this != GENERIC;
    }

    public static Optional<ComponentRole> find(String type) {
        return Arrays.stream(values())
                .filter(role -> role.wireName().equals(type))
                .findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ComponentRole::wireName).collect(Collectors.joining(", "));
    }
}
