package com.airdrops.monitoring.domain.model.metric;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A function computed over the samples of one series in one aggregation window. */
public enum AggregationFunction {
    AVG,
    MAX,
    MIN,
    SUM,
    COUNT,
    LAST,
    P50,
    P90,
    P95,
    P99;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public boolean isQuantile() {
        return this == P50 || this == P90 || this == P95 || this == P99;
    }

    public static AggregationFunction parse(String text) {
        for (AggregationFunction function : values()) {
            if (function.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return function;
            }
        }
        throw new IllegalArgumentException("unknown aggregation function '" + text + "', allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(AggregationFunction::wireName).collect(Collectors.joining(", "));
    }
}
