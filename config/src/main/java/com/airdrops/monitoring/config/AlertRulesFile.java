package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.NoData;
import com.airdrops.monitoring.domain.model.alert.RuleWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

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
            "no_data",
            "function",
            "over");

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
        return load(file, environment, Map.of());
    }

    /**
     * Reads {@code file}; a rule named like one of {@code taken} (rule name to the file that defines it) is a
     * located problem, as a duplicate within the file is.
     */
    static List<AlertRule> load(ConfigFile file, Map<String, String> environment, Map<String, String> taken) {
        Optional<YamlNode> root = YamlDocument.read(file, environment);
        if (root.isEmpty()) {
            return List.of();
        }
        if (!(root.get() instanceof YamlMapping top)) {
            throw new ConfigException(
                    List.of(YamlDocument.problem(file, root.get(), "expected a mapping with 'rules:'")));
        }
        List<String> problems = new ArrayList<>();
        YamlFields topFields = new YamlFields(file, top, problems);
        topFields.allowOnly(Set.of("rules"));
        List<AlertRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlMapping entry : topFields.listOfMappings("rules", "rule", "rules")) {
            rule(file, entry, problems, environment).ifPresent(rule -> {
                if (!names.add(rule.name())) {
                    problems.add(YamlDocument.problem(
                            file, entry.entries().get("name"), "duplicate rule name '" + rule.name() + "'"));
                } else if (taken.containsKey(rule.name())) {
                    problems.add(YamlDocument.problem(
                            file,
                            entry.entries().get("name"),
                            "duplicate rule name '" + rule.name() + "', already defined in " + taken.get(rule.name())
                                    + " (a file of ALERT_RULES_DIR adds rules; it cannot replace one)"));
                }
                rules.add(rule);
            });
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(rules);
    }

    private static Optional<AlertRule> rule(
            ConfigFile file, YamlMapping entry, List<String> problems, Map<String, String> environment) {
        int before = problems.size();
        YamlFields fields = new YamlFields(file, entry, problems);
        fields.allowOnly(FIELDS);
        Optional<String> name = fields.requiredName("name");
        Optional<String> metric = fields.requiredText("metric_name")
                .filter(value ->
                        RuleFields.valid(fields, "metric_name", () -> Require.metricName(value, "metric_name")));
        Optional<Condition> condition = fields.requiredText("condition")
                .flatMap(value -> RuleFields.parsed(fields, "condition", () -> Condition.parse(value)));
        Optional<Double> threshold = RuleFields.finiteNumber(fields, "threshold", true);
        Optional<AlertSeverity> severity = fields.requiredText("severity")
                .flatMap(value -> RuleFields.parsed(fields, "severity", () -> AlertSeverity.parse(value)));
        String description = RuleFields.template(fields, "description", MAX_DESCRIPTION_LENGTH, true);
        String summary = RuleFields.template(fields, "summary", MAX_SUMMARY_LENGTH, false);
        Optional<Double> recovery = RuleFields.finiteNumber(fields, "recovery_threshold", false);
        if (recovery.isPresent() && condition.isPresent() && threshold.isPresent()) {
            AlertRule.recoveryProblem(condition.get(), threshold.get(), recovery.get())
                    .ifPresent(problem ->
                            fields.problem(fields.node("recovery_threshold").orElseThrow(), problem));
        }
        List<LabelMatcher> matchers = RuleFields.matchers(fields);
        Optional<NoData> noData = RuleFields.noData(file, fields, problems);
        Duration forDuration = RuleFields.seconds(fields, "for_duration").orElse(AlertRule.DEFAULT_FOR_DURATION);
        Duration keepFiringFor = RuleFields.seconds(fields, "keep_firing_for").orElse(Duration.ZERO);
        Map<String, String> labels = RuleFields.labels(fields);
        Optional<RuleWindow> window = RuleWindowFields.read(fields, condition, environment);
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
                    .window(window)
                    .build());
        } catch (IllegalArgumentException e) {
            fields.problem(fields.node("recovery_threshold").orElse(entry), e.getMessage());
            return Optional.empty();
        }
    }
}
