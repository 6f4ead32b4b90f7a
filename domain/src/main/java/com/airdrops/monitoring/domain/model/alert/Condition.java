package com.airdrops.monitoring.domain.model.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Comparison of a metric value with a rule's threshold; NaN never satisfies any condition. */
public enum Condition {
    GT,
    LT,
    EQ,
    NE,
    GTE,
    LTE;

    public boolean holds(double value, double threshold) {
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (this) {
            case GT -> value > threshold;
            case LT -> value < threshold;
            case EQ -> value == threshold;
            case NE -> value != threshold;
            case GTE -> value >= threshold;
            case LTE -> value <= threshold;
        };
    }

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Condition parse(String text) {
        for (Condition condition : values()) {
            if (condition.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return condition;
            }
        }
        throw new IllegalArgumentException("unknown condition '" + text + "', allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Condition::wireName).collect(Collectors.joining(", "));
    }
}
