package com.airdrops.monitoring.domain.model;

/** Argument checks shared by the domain records; each failure is an {@link IllegalArgumentException} a user can act on. */
public final class Require {
    private Require() {
    }

    public static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    public static double percent(double value, String field) {
        if (!(value >= 0.0 && value <= 100.0)) {
            throw new IllegalArgumentException(field + " must be between 0 and 100, got " + value);
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
        return value;
    }

    public static double nonNegative(double value, String field) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** Checks a metric or label name against Prometheus' rules, so that anything we carry can be exposed. */
    public static String metricName(String value, String field) {
        nonBlank(value, field);
        if (!value.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException(field + " '" + value
                    + "' is not a valid metric name: use letters, digits, '_' and ':' and do not start with a digit");
        }
        return value;
    }

    public static String labelName(String value, String field) {
        nonBlank(value, field);
        if (!value.matches("[a-zA-Z_][a-zA-Z0-9_]*") || value.startsWith("__")) {
            throw new IllegalArgumentException(field + " '" + value
                    + "' is not a valid label name: use letters, digits and '_', do not start with a digit or '__'");
        }
        return value;
    }
}
