package com.airdrops.monitoring.domain.wire;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshotBuilder;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import com.airdrops.monitoring.domain.model.component.RiskLevel;
import com.airdrops.monitoring.domain.model.component.TaskFailure;
import com.airdrops.monitoring.domain.model.metric.Labels;
import com.airdrops.monitoring.domain.model.metric.ReservedNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns the component snapshot JSON (pushed or polled), already decoded into maps, lists and scalars, into a
 * {@link ComponentSnapshot}. Unknown fields are ignored; a field of the wrong type is an
 * {@link IllegalArgumentException} whose message starts with the field's path.
 */
public final class ComponentSnapshotJson {
    private ComponentSnapshotJson() {}

    /** 9999-12-31T23:59:59Z. */
    static final double MAX_EPOCH_SECONDS = 253_402_300_799d;

    public static ComponentSnapshot parse(Map<String, ?> json, Instant observedAt) {
        ComponentSnapshotBuilder builder = ComponentSnapshot.builder(observedAt);
        for (Map.Entry<String, ?> field : json.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (value == null) {
                continue;
            }
            switch (name) {
                case "status" -> builder.status(field(name, () -> ComponentStatus.parse(text(name, value))));
                case "last_execution_time" -> builder.lastExecutionTime(nonNegative(name, value));
                case "error_count" -> builder.errorCount(count(name, value));
                case "success_count" -> builder.successCount(count(name, value));
                case "status_reason" ->
                    builder.statusReason(shortText(name, value, ComponentSnapshot.MAX_REASON_LENGTH));
                case "last_failures" -> lastFailures(name, value, builder);
                case "metrics" ->
                    keyed(name, value)
                            .forEach((key, metric) ->
                                    builder.metric(gaugeName(path(name, key), key), number(path(name, key), metric)));
                case "risk_level" -> builder.riskLevel(field(name, () -> RiskLevel.parse(value)));
                case "portfolio_value_usd" -> builder.portfolioValueUsd(number(name, value));
                case "circuit_breaker_active" -> builder.circuitBreakerActive(bool(name, value));
                case "risk_limits" ->
                    keyed(name, value)
                            .forEach((key, limit) ->
                                    builder.riskLimit(labelValue(name, key), number(path(name, key), limit)));
                case "capital_utilization_percent" -> builder.capitalUtilizationPercent(nonNegative(name, value));
                case "protocol_allocations" ->
                    keyed(name, value)
                            .forEach((key, percent) -> builder.protocolAllocation(
                                    labelValue(name, key), nonNegative(path(name, key), percent)));
                case "portfolio_history" -> portfolioHistory(name, value, builder);
                case "running" -> builder.running(bool(name, value));
                case "task_definitions" -> builder.taskDefinitions(count(name, value));
                case "task_executions" ->
                    keyed(name, value)
                            .forEach((key, count) ->
                                    builder.taskExecutions(labelValue(name, key), count(path(name, key), count)));
                default -> {
                    // Unknown fields are ignored so that bots can send more than we read.
                }
            }
        }
        return builder.build();
    }

    /** {@code [{"timestamp": <epoch seconds>, "value": <USD >= 0>}, ...]}, at most 1,000 points. */
    private static void portfolioHistory(String name, Object value, ComponentSnapshotBuilder builder) {
        if (!(value instanceof List<?> points)) {
            throw wrongType(name, "a list of {\"timestamp\": <epoch seconds>, \"value\": <USD>}", value);
        }
        if (points.size() > ComponentSnapshot.MAX_PORTFOLIO_POINTS) {
            throw new IllegalArgumentException(
                    name + ": at most " + ComponentSnapshot.MAX_PORTFOLIO_POINTS + " points, got " + points.size());
        }
        for (int i = 0; i < points.size(); i++) {
            String at = name + "[" + i + "]";
            Map<String, Object> point = map(at, points.get(i));
            double seconds = epochSeconds(at + ".timestamp", point.get("timestamp"));
            builder.portfolioPoint(
                    Instant.ofEpochMilli(Math.round(seconds * 1000)), nonNegative(at + ".value", point.get("value")));
        }
    }

    /** {@code [{"task": "...", "error": "...", "at": <epoch seconds>}, ...]}, newest first, at most 10. */
    private static void lastFailures(String name, Object value, ComponentSnapshotBuilder builder) {
        if (!(value instanceof List<?> failures)) {
            throw wrongType(name, "a list of {\"task\": ..., \"error\": ..., \"at\": <epoch seconds>}", value);
        }
        if (failures.size() > TaskFailure.MAX_PER_SNAPSHOT) {
            throw new IllegalArgumentException(
                    name + ": at most " + TaskFailure.MAX_PER_SNAPSHOT + " failures, got " + failures.size());
        }
        for (int i = 0; i < failures.size(); i++) {
            String at = name + "[" + i + "]";
            Map<String, Object> failure = map(at, failures.get(i));
            Object task = failure.get("task");
            if (task == null) {
                throw new IllegalArgumentException(at + ".task: required");
            }
            Object error = failure.get("error");
            Object when = failure.get("at");
            builder.lastFailure(new TaskFailure(
                    labelValue(at + ".task", text(at + ".task", task)),
                    error == null
                            ? Optional.empty()
                            : Optional.of(shortText(at + ".error", error, TaskFailure.MAX_ERROR_LENGTH)),
                    when == null
                            ? Optional.empty()
                            : Optional.of(Instant.ofEpochMilli(Math.round(epochSeconds(at + ".at", when) * 1000)))));
        }
    }

    private static double epochSeconds(String name, Object value) {
        double seconds = nonNegative(name, value);
        if (seconds > MAX_EPOCH_SECONDS) {
            throw new IllegalArgumentException(
                    name + ": expected epoch seconds up to " + (long) MAX_EPOCH_SECONDS + ", got " + seconds);
        }
        return seconds;
    }

    /** Printable text, cut at {@code max} characters (a reason is for people, a long one is cut, not refused). */
    private static String shortText(String name, Object value, int max) {
        String text = text(name, value);
        String cut = text.length() <= max ? text : text.substring(0, max - 1) + "…";
        StringBuilder shown = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> shown.appendCodePoint(Require.isPrintable(c) ? c : ' '));
        return shown.toString();
    }

    /** A keyed field: an object of at most {@link ComponentSnapshot#MAX_KEYS} keys. */
    private static Map<String, Object> keyed(String name, Object value) {
        Map<String, Object> map = map(name, value);
        if (map.size() > ComponentSnapshot.MAX_KEYS) {
            throw new IllegalArgumentException(name + ": at most " + ComponentSnapshot.MAX_KEYS + " keys, got "
                    + map.size() + " (each key becomes a series)");
        }
        return map;
    }

    private static <T> T field(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static String text(String name, Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw wrongType(name, "a string", value);
    }

    private static double number(String name, Object value) {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw wrongType(name, "a finite number", value);
    }

    private static double nonNegative(String name, Object value) {
        double number = number(name, value);
        if (number < 0) {
            throw new IllegalArgumentException(name + ": expected a number >= 0, got " + number);
        }
        return number;
    }

    private static long count(String name, Object value) {
        if (value instanceof Number number) {
            double count = number.doubleValue();
            if (count >= 0 && count == Math.rint(count) && count <= Long.MAX_VALUE) {
                return (long) count;
            }
        }
        throw wrongType(name, "a whole number >= 0", value);
    }

    private static boolean bool(String name, Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw wrongType(name, "true or false", value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw wrongType(name, "an object", value);
    }

    /** A field's path for messages; a very long key is shortened, so no message echoes a megabyte. */
    private static String path(String name, String key) {
        String shown = key.length() <= 40 ? key : key.substring(0, 40) + "...";
        StringBuilder path = new StringBuilder(name).append('.');
        // A control or invisible character is shown escaped: the message is logged, and a line break in it would forge
        // a log line.
        shown.codePoints()
                .forEach(
                        c -> path.append(Require.isPrintable(c) ? Character.toString(c) : String.format("\\u%04X", c)));
        return path.toString();
    }

    /**
     * A map key that becomes a label value (a protocol, a limit, a task status): bounded like every label value, and
     * printable (label values are logged with every transition of their alerts).
     */
    private static String labelValue(String name, String key) {
        if (key.isEmpty() || key.length() > Labels.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(path(name, key) + ": a key must have 1 to " + Labels.MAX_VALUE_LENGTH
                    + " characters, got " + key.length());
        }
        try {
            return Require.printable(key, "a key");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path(name, key) + ": " + e.getMessage(), e);
        }
    }

    private static String gaugeName(String path, String key) {
        try {
            Require.metricName(key, "metric name");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        ReservedNames.reservedReason(key).ifPresent(reason -> {
            throw new IllegalArgumentException(path + ": " + reason);
        });
        return key;
    }

    private static IllegalArgumentException wrongType(String name, String expected, Object value) {
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return new IllegalArgumentException(name + ": expected " + expected + ", got " + shown);
    }
}
