package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.RuleWindow;
import com.airdrops.monitoring.domain.model.alert.WindowFunction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A rule's {@code function: increase | rate | ...} with {@code over: seconds}: both or neither; {@code over} a whole
 * number of seconds, at most the metrics retention; a function whose result cannot meaningfully equal a threshold refuses {@code eq} and
 * {@code ne}. Each problem is located.
 */
final class RuleWindowFields {
    private RuleWindowFields() {}

    static Optional<RuleWindow> read(
            YamlFields fields, Optional<Condition> condition, Map<String, String> environment) {
        Optional<WindowFunction> function = fields.text("function")
                .flatMap(value -> RuleFields.parsed(fields, "function", () -> WindowFunction.parse(value)));
        if (fields.node("function").isEmpty()) {
            fields.node("over")
                    .ifPresent(over -> fields.problem(
                            over, "over needs a function (" + WindowFunction.allowed() + ") to apply over it"));
            return Optional.empty();
        }
        if (fields.node("over").isEmpty()) {
            fields.problem(
                    fields.node("function").orElseThrow(),
                    "missing required field 'over': the seconds of samples the function reads (e.g. over: 600)");
            return Optional.empty();
        }
        Optional<Duration> over = over(fields, retention(environment));
        if (function.isPresent() && condition.isPresent()) {
            Optional<String> problem = function.get().conditionProblem(condition.get());
            if (problem.isPresent()) {
                fields.problem(fields.node("condition").orElseThrow(), problem.get());
                return Optional.empty();
            }
        }
        return function.isEmpty() || over.isEmpty()
                ? Optional.empty()
                : Optional.of(new RuleWindow(function.get(), over.get()));
    }

    private static Optional<Duration> over(YamlFields fields, Duration retention) {
        YamlNode node = fields.node("over").orElseThrow();
        if (node instanceof YamlScalar scalar && scalar.value() instanceof Number number) {
            double seconds = number.doubleValue();
            if (seconds > retention.toSeconds()) {
                fields.problem(
                        node,
                        "over (" + YamlFields.shown(node) + " s) is longer than the metrics retention, "
                                + EnvironmentSettings.RETENTION_HOURS + " = " + retention.toHours() + " h ("
                                + retention.toSeconds() + " s)");
                return Optional.empty();
            }
            if (seconds >= 1 && seconds != Math.rint(seconds)) {
                fields.problem(node, "expected a whole number of seconds, got " + YamlFields.shown(node));
                return Optional.empty();
            }
        }
        return fields.seconds("over", 1, retention.toSeconds());
    }

    /** The metrics retention a window may not exceed; an invalid setting is reported by the settings, not here. */
    private static Duration retention(Map<String, String> environment) {
        EnvironmentReader reader = new EnvironmentReader(environment);
        Duration retention = reader.hours(EnvironmentSettings.RETENTION_HOURS, "168");
        return reader.problems().isEmpty() ? retention : Duration.ofSeconds((long) AlertRulesFile.MAX_DURATION_SECONDS);
    }
}
