package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.alert.AlertTemplate;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.NoData;
import com.airdrops.monitoring.domain.model.alert.NoDataState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The fields of one rule in {@code alert_rules.yaml}, each read with its range and a located problem when it is off. */
final class RuleFields {
    private RuleFields() {}

    /** A description or summary: bounded, free of control characters (a summary is one line), valid placeholders. */
    static String template(YamlFields fields, String key, int maxLength, boolean multiline) {
        String text = fields.text(key).orElse("");
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t')))) {
            fields.problem(
                    fields.node(key).orElseThrow(),
                    multiline
                            ? "control characters (other than newline and tab) are not allowed"
                            : "one line expected: control characters (including newline) are not allowed");
        }
        if (text.length() > maxLength) {
            fields.problem(
                    fields.node(key).orElseThrow(),
                    "expected at most " + maxLength + " characters, got " + text.length());
        }
        if (!text.isEmpty()) {
            valid(fields, key, () -> AlertTemplate.validate(text));
        }
        return text;
    }

    static boolean valid(YamlFields fields, String key, Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            fields.problem(fields.node(key).orElseThrow(), e.getMessage());
            return false;
        }
    }

    static <T> Optional<T> parsed(YamlFields fields, String key, Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (IllegalArgumentException e) {
            fields.problem(fields.node(key).orElseThrow(), e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Double> finiteNumber(YamlFields fields, String key, boolean required) {
        Optional<YamlNode> node = fields.node(key);
        if (node.isEmpty()) {
            if (required) {
                fields.problem(fields.self(), "missing required field '" + key + "'");
            }
            return Optional.empty();
        }
        if (node.get() instanceof YamlScalar scalar
                && scalar.value() instanceof Number number
                && Double.isFinite(number.doubleValue())) {
            return Optional.of(number.doubleValue());
        }
        fields.problem(node.get(), "expected a finite number, got " + YamlFields.shown(node.get()));
        return Optional.empty();
    }

    /** Seconds from 0 to a year: every duration in the rules file is in seconds. */
    static Optional<Duration> seconds(YamlFields fields, String key) {
        Optional<YamlNode> node = fields.node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return fields.seconds(key, 0, AlertRulesFile.MAX_DURATION_SECONDS);
    }

    /** {@code no_data: { after_seconds: N, state: firing | ok | keep_last }}. */
    static Optional<NoData> noData(ConfigFile file, YamlFields fields, List<String> problems) {
        Optional<YamlMapping> mapping = fields.mapping("no_data");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        YamlFields noData = new YamlFields(file, mapping.get(), problems);
        noData.allowOnly(Set.of("after_seconds", "state"));
        Optional<Duration> after = noData.seconds("after_seconds", 1, AlertRulesFile.MAX_DURATION_SECONDS);
        if (noData.node("after_seconds").isEmpty()) {
            noData.problem(mapping.get(), "missing required field 'after_seconds'");
        }
        Optional<NoDataState> state =
                noData.requiredText("state").flatMap(value -> parsed(noData, "state", () -> NoDataState.parse(value)));
        return problems.size() > before || after.isEmpty() || state.isEmpty()
                ? Optional.empty()
                : Optional.of(new NoData(after.get(), state.get()));
    }

    /** {@code matchers: { label: value | "!=value" | "=~regex" | "!~regex" }}: every one must match. */
    static List<LabelMatcher> matchers(YamlFields fields) {
        List<LabelMatcher> matchers = new ArrayList<>();
        fields.mapping("matchers")
                .ifPresent(mapping -> mapping.entries().forEach((key, value) -> {
                    if (!(value instanceof YamlScalar scalar)
                            || scalar.value() == null
                            || scalar.value() instanceof Boolean) {
                        fields.problem(value, "expected a value, \"!=value\", \"=~regex\" or \"!~regex\"");
                        return;
                    }
                    try {
                        Require.labelName(key, "label name");
                        matchers.add(LabelMatcher.parse(key, String.valueOf(scalar.value()), LinearRegex.ENGINE));
                    } catch (IllegalArgumentException e) {
                        fields.problem(value, e.getMessage());
                    }
                }));
        return matchers;
    }

    static Map<String, String> labels(YamlFields fields) {
        Map<String, String> labels = new LinkedHashMap<>();
        fields.mapping("labels")
                .ifPresent(mapping -> mapping.entries().forEach((key, value) -> {
                    try {
                        Require.labelName(key, "label name");
                    } catch (IllegalArgumentException e) {
                        fields.problem(value, e.getMessage());
                        return;
                    }
                    if (AlertRulesFile.RESERVED_LABELS.contains(key)) {
                        fields.problem(
                                value,
                                "'" + key + "' is set by the agent from the rule (name, severity); "
                                        + "a rule label may not override it");
                        return;
                    }
                    if (value instanceof YamlScalar scalar
                            && scalar.value() != null
                            && !(scalar.value() instanceof Boolean)) {
                        String text = String.valueOf(scalar.value());
                        if (text.chars().anyMatch(Character::isISOControl)) {
                            fields.problem(value, "control characters are not allowed in a label value");
                            return;
                        }
                        labels.put(key, text);
                    } else {
                        fields.problem(value, "expected a label value (a string)");
                    }
                }));
        return labels;
    }
}
