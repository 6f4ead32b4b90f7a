package com.airdrops.monitoring.domain.model.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a rule computes over its own sliding window of a series' samples before comparing with the threshold.
 * {@code increase} and {@code rate} read a counter (a drop is a reset, as in Prometheus), {@code delta} a gauge; the
 * three extrapolate to the window's edges as Prometheus does. The others are plain: the average, lowest, highest and
 * last value, the number of samples, and how often the value changed.
 */
public enum WindowFunction {
    INCREASE(false),
    RATE(false),
    DELTA(false),
    AVG(false),
    MIN(true),
    MAX(true),
    LAST_OVER(true),
    COUNT_OVER(true),
    CHANGES(true);

    private final String wireName = name().toLowerCase(Locale.ROOT);
    /** Whether the result can be compared with eq or ne: a value of the series or a count, not a computed fraction. */
    private final boolean exact;

    WindowFunction(boolean exact) {
        this.exact = exact;
    }

    public String wireName() {
        return wireName;
    }

    /** Why {@code condition} makes no sense on this function's result, or empty when it does. */
    public Optional<String> conditionProblem(Condition condition) {
        if (exact || (condition != Condition.EQ && condition != Condition.NE)) {
            return Optional.empty();
        }
        return Optional.of("condition " + condition.wireName() + " makes no sense on " + wireName
                + ": its result is a computed fraction that almost never equals a threshold; use gt, gte, lt or lte"
                + " (eq and ne suit min, max, last_over, count_over and changes)");
    }

    /**
     * Whether a window that has not filled yet already decides {@code condition}: its result can only move one way as
     * older samples would join it (a count or a highest value only grows, a lowest value only falls), so a partial
     * window that holds the condition would hold it full too.
     */
    public boolean partialDecides(Condition condition) {
        boolean upward = condition == Condition.GT || condition == Condition.GTE;
        boolean downward = condition == Condition.LT || condition == Condition.LTE;
        return switch (this) {
            case INCREASE, RATE, COUNT_OVER, CHANGES, MAX -> upward; // rate is the increase over the whole window
            case MIN -> downward;
            case DELTA, AVG, LAST_OVER -> false;
        };
    }

    public static WindowFunction parse(String text) {
        for (WindowFunction function : values()) {
            if (function.wireName.equals(text == null ? "" : text.trim())) {
                return function;
            }
        }
        throw new IllegalArgumentException("unknown function '" + text + "', allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(WindowFunction::wireName).collect(Collectors.joining(", "));
    }
}
