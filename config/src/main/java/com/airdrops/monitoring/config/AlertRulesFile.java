package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertTemplate;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.NoData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads {@code alert_rules.yaml} ({@code rules:} of {@link AlertRule} fields in snake_case) with every problem
 * reported at once, naming file, line, column and field. An empty file means no rules; a missing one is an error.
 */
public final class AlertRulesFile {
    private static final Set<String> FIELDS = Set.of(
            "name",
            "metric_name",
            "condition",
            "threshold",
            "severity",
            "description",
            "summary",
            "for_duration",
            "keep_firing_for",
            "labels",
            "matchers",
            "recovery_threshold",
            "no_data");

    static final int MAX_DESCRIPTION_LENGTH = 4_096;
    static final int MAX_SUMMARY_LENGTH = 512;
    /** Labels the notifications derive from the rule itself. */
    static final Set<String> RESERVED_LABELS = Set.of("alertname", "severity");

    static final double MAX_DURATION_SECONDS = 365 * 86_400;

    private AlertRulesFile() {}

    /** Reads the file at {@code path}, which must exist. */
    public static List<AlertRule> load(Path path, Map<String, String> environment) {
        return load(ConfigFile.at(path), environment);
    }

    public static List<AlertRule> load(ConfigFile file, Map<String, String> environment) {
        Optional<YamlNode> root = YamlDocument.read(file, environment);
        if (root.isEmpty()) {
            return List.of();
        }
        if (!(root.get() instanceof YamlNode.Mapping top)) {
            throw new ConfigException(
                    List.of(YamlDocument.problem(file, root.get(), "expected a mapping with 'rules:'")));
        }
        List<String> problems = new ArrayList<>();
        YamlFields topFields = new YamlFields(file, top, problems);
        topFields.allowOnly(Set.of("rules"));
        List<AlertRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode.Mapping entry : topFields.listOfMappings("rules", "rule", "rules")) {
            rule(file, entry, problems).ifPresent(rule -> {
                if (!names.add(rule.name())) {
                    problems.add(YamlDocument.problem(
                            file, entry.entries().get("name"), "duplicate rule name '" + rule.name() + "'"));
                }
                rules.add(rule);
            });
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(rules);
    }

    private static Optional<AlertRule> rule(ConfigFile file, YamlNode.Mapping entry, List<String> problems) {
        int before = problems.size();
        YamlFields fields = new YamlFields(file, entry, problems);
        fields.allowOnly(FIELDS);
        Optional<String> name = fields.requiredName("name");
        Optional<String> metric = fields.requiredText("metric_name")
                .filter(value -> valid(fields, "metric_name", () -> Require.metricName(value, "metric_name")));
        Optional<Condition> condition = fields.requiredText("condition")
                .flatMap(value -> parsed(fields, "condition", () -> Condition.parse(value)));
        Optional<Double> threshold = finiteNumber(fields, "threshold", true);
        Optional<AlertSeverity> severity = fields.requiredText("severity")
                .flatMap(value -> parsed(fields, "severity", () -> AlertSeverity.parse(value)));
        String description = template(fields, "description", MAX_DESCRIPTION_LENGTH, true);
        String summary = template(fields, "summary", MAX_SUMMARY_LENGTH, false);
        Optional<Double> recovery = finiteNumber(fields, "recovery_threshold", false);
        if (recovery.isPresent() && condition.isPresent() && threshold.isPresent()) {
            AlertRule.recoveryProblem(condition.get(), threshold.get(), recovery.get())
                    .ifPresent(problem ->
                            fields.problem(fields.node("recovery_threshold").orElseThrow(), problem));
        }
        List<LabelMatcher> matchers = matchers(fields);
        Optional<NoData> noData = noData(file, fields, problems);
        Duration forDuration = seconds(fields, "for_duration").orElse(AlertRule.DEFAULT_FOR_DURATION);
        Duration keepFiringFor = seconds(fields, "keep_firing_for").orElse(Duration.ZERO);
        Map<String, String> labels = labels(fields);
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(AlertRule.builder(
                            name.orElseThrow(),
                            metric.orElseThrow(),
                            condition.orElseThrow(),
                            threshold.orElseThrow(),
                            severity.orElseThrow())
                    .description(description)
                    .forDuration(forDuration)
                    .labels(labels)
                    .keepFiringFor(keepFiringFor)
                    .matchers(matchers)
                    .recoveryThreshold(recovery.map(OptionalDouble::of).orElse(OptionalDouble.empty()))
                    .noData(noData)
                    .summary(summary)
                    .build());
        } catch (IllegalArgumentException e) {
            fields.problem(fields.node("recovery_threshold").orElse(entry), e.getMessage());
            return Optional.empty();
        }
    }

    /** A description or summary: bounded, free of control characters (a summary is one line), valid placeholders. */
    private static String template(YamlFields fields, String key, int maxLength, boolean multiline) {
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

    private static boolean valid(YamlFields fields, String key, Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            fields.problem(fields.node(key).orElseThrow(), e.getMessage());
            return false;
        }
    }

    private static <T> Optional<T> parsed(YamlFields fields, String key, Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (IllegalArgumentException e) {
            fields.problem(fields.node(key).orElseThrow(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Double> finiteNumber(YamlFields fields, String key, boolean required) {
        Optional<YamlNode> node = fields.node(key);
        if (node.isEmpty()) {
            if (required) {
                fields.problem(fields.self(), "missing required field '" + key + "'");
            }
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar scalar
                && scalar.value() instanceof Number number
                && Double.isFinite(number.doubleValue())) {
            return Optional.of(number.doubleValue());
        }
        fields.problem(node.get(), "expected a finite number, got " + YamlFields.shown(node.get()));
        return Optional.empty();
    }

    /** Seconds from 0 to a year: every duration in the rules file is in seconds. */
    private static Optional<Duration> seconds(YamlFields fields, String key) {
        Optional<YamlNode> node = fields.node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return fields.seconds(key, 0, MAX_DURATION_SECONDS);
    }

    /** {@code no_data: { after_seconds: N, state: firing | ok | keep_last }}. */
    private static Optional<NoData> noData(ConfigFile file, YamlFields fields, List<String> problems) {
        Optional<YamlNode.Mapping> mapping = fields.mapping("no_data");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        YamlFields noData = new YamlFields(file, mapping.get(), problems);
        noData.allowOnly(Set.of("after_seconds", "state"));
        Optional<Duration> after = noData.seconds("after_seconds", 1, MAX_DURATION_SECONDS);
        if (noData.node("after_seconds").isEmpty()) {
            noData.problem(mapping.get(), "missing required field 'after_seconds'");
        }
        Optional<NoData.State> state =
                noData.requiredText("state").flatMap(value -> parsed(noData, "state", () -> NoData.State.parse(value)));
        return problems.size() > before || after.isEmpty() || state.isEmpty()
                ? Optional.empty()
                : Optional.of(new NoData(after.get(), state.get()));
    }

    /** {@code matchers: { label: value | "!=value" | "=~regex" | "!~regex" }}: every one must match. */
    private static List<LabelMatcher> matchers(YamlFields fields) {
        List<LabelMatcher> matchers = new ArrayList<>();
        fields.mapping("matchers")
                .ifPresent(mapping -> mapping.entries().forEach((key, value) -> {
                    if (!(value instanceof YamlNode.Scalar scalar)
                            || scalar.value() == null
                            || scalar.value() instanceof Boolean) {
                        fields.problem(value, "expected a value, \"!=value\", \"=~regex\" or \"!~regex\"");
                        return;
                    }
                    try {
                        Require.labelName(key, "label name");
                        matchers.add(LabelMatcher.parse(key, String.valueOf(scalar.value())));
                    } catch (IllegalArgumentException e) {
                        fields.problem(value, e.getMessage());
                    }
                }));
        return matchers;
    }

    private static Map<String, String> labels(YamlFields fields) {
        Map<String, String> labels = new LinkedHashMap<>();
        fields.mapping("labels")
                .ifPresent(mapping -> mapping.entries().forEach((key, value) -> {
                    try {
                        Require.labelName(key, "label name");
                    } catch (IllegalArgumentException e) {
                        fields.problem(value, e.getMessage());
                        return;
                    }
                    if (RESERVED_LABELS.contains(key)) {
                        fields.problem(
                                value,
                                "'" + key + "' is set by the agent from the rule (name, severity); "
                                        + "a rule label may not override it");
                        return;
                    }
                    if (value instanceof YamlNode.Scalar scalar
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
