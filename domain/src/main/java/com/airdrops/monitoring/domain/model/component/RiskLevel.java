package com.airdrops.monitoring.domain.model.component;

import java.util.Locale;

/** The RiskManager's assessment, exposed as {@code risk_level} 0 (low) to 3 (critical). */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public int gaugeValue() {
        return ordinal();
    }

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    /** Accepts a name ({@code low|medium|high|critical}) or a number 0..3. */
    public static RiskLevel parse(Object value) {
        if (value instanceof Number number) {
            double level = number.doubleValue();
            if (level == Math.rint(level) && level >= 0 && level <= 3) {
                return values()[(int) level];
            }
        } else if (value instanceof String text) {
            for (RiskLevel level : values()) {
                if (level.wireName().equalsIgnoreCase(text.trim())) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("expected low, medium, high, critical or 0..3, got " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
