package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.ruletest.Check;
import com.airdrops.monitoring.domain.model.ruletest.ExpectedAlert;
import com.airdrops.monitoring.domain.model.ruletest.InputSeries;
import com.airdrops.monitoring.domain.model.ruletest.RuleTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of rule tests, read like the rules file (every problem at once, located):
 *
 * <pre>
 * rule_files: [alert_rules.yaml]       # relative to this file
 * evaluation_interval: 60              # seconds between evaluation passes (default 60)
 * tests:
 *   - name: cpu high fires after five minutes
 *     interval: 60                     # seconds between input values (default: evaluation_interval)
 *     input_series:
 *       - series: 'system_cpu_usage_percent'          # or name{label="value",...}
 *         values: "50 95x6 60 _"       # a number per interval; vxN repeats v N times; _ is no sample
 *     checks:
 *       - at: 360                      # seconds from the start
 *         alert: cpu_high
 *         expect:                      # the rule's active alerts then: [] for none
 *           - { status: firing, labels: { team: ops }, description: "..." }
 * </pre>
 */
public final class RuleTestsFile {
    private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*");
    private static final Pattern REPEAT = Pattern.compile("(.+)x(\\d+)");
    static final int MAX_STEPS = 100_000;

    private RuleTestsFile() {}

    public static RuleTests load(Path path, Map<String, String> environment) {
        ConfigFile file = ConfigFile.at(path);
        Optional<YamlNode> root = YamlDocument.read(file, environment);
        if (root.isEmpty() || !(root.get() instanceof YamlMapping top)) {
            throw new ConfigException(List.of(file + ": expected a mapping with 'rule_files:' and 'tests:'"));
        }
        List<String> problems = new ArrayList<>();
        YamlFields fields = new YamlFields(file, top, problems);
        fields.allowOnly(Set.of("rule_files", "evaluation_interval", "tests"));
        List<Path> ruleFiles = new ArrayList<>();
        Path base = file.path().getParent();
        fields.node("rule_files")
                .ifPresentOrElse(
                        node -> {
                            if (node instanceof YamlSequence sequence) {
                                for (YamlNode item : sequence.items()) {
                                    if (item instanceof YamlScalar scalar && scalar.value() instanceof String name) {
                                        ruleFiles.add(base.resolve(name).normalize());
                                    } else {
                                        fields.problem(item, "expected a file name");
                                    }
                                }
                            } else {
                                fields.problem(node, "expected a list of rule files");
                            }
                        },
                        () -> fields.problem(top, "missing required field 'rule_files'"));
        long evaluation =
                Math.round(fields.number("evaluation_interval", 1, 86_400).orElse(60.0));
        List<RuleTest> tests = new ArrayList<>();
        for (YamlMapping entry : fields.listOfMappings("tests", "test", "tests")) {
            test(file, entry, evaluation, problems).ifPresent(tests::add);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RuleTests(ruleFiles, evaluation, tests);
    }

    private static Optional<RuleTest> test(ConfigFile file, YamlMapping entry, long evaluation, List<String> problems) {
        int before = problems.size();
        YamlFields fields = new YamlFields(file, entry, problems);
        fields.allowOnly(Set.of("name", "interval", "input_series", "checks"));
        String name = fields.requiredText("name").orElse("");
        long interval = Math.round(fields.number("interval", 1, 86_400).orElse((double) evaluation));
        List<InputSeries> series = new ArrayList<>();
        for (YamlMapping input : fields.listOfMappings("input_series", "series", "input_series")) {
            YamlFields inputFields = new YamlFields(file, input, problems);
            inputFields.allowOnly(Set.of("series", "values"));
            Optional<String> selector = inputFields.requiredText("series");
            Optional<String> values = inputFields.requiredText("values");
            if (selector.isPresent() && values.isPresent()) {
                try {
                    series.add(series(selector.get(), values.get()));
                } catch (IllegalArgumentException e) {
                    inputFields.problem(input, e.getMessage());
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        for (YamlMapping check : fields.listOfMappings("checks", "check", "checks")) {
            YamlFields checkFields = new YamlFields(file, check, problems);
            checkFields.allowOnly(Set.of("at", "alert", "expect"));
            Optional<Double> at = checkFields.number("at", 0, 365 * 86_400);
            Optional<String> rule = checkFields.requiredText("alert");
            List<ExpectedAlert> expected = new ArrayList<>();
            Optional<YamlNode> expect = checkFields.node("expect");
            if (expect.isEmpty()) {
                checkFields.problem(check, "missing required field 'expect' (a list; [] for no active alert)");
            } else if (expect.get() instanceof YamlSequence sequence) {
                for (YamlNode item : sequence.items()) {
                    if (item instanceof YamlMapping alert) {
                        expected(file, alert, problems).ifPresent(expected::add);
                    } else {
                        checkFields.problem(item, "expected a mapping with 'status'");
                    }
                }
            } else {
                checkFields.problem(expect.get(), "expected a list of alerts ([] for none)");
            }
            if (at.isPresent() && rule.isPresent()) {
                checks.add(new Check(Math.round(at.get()), rule.get(), expected));
            }
        }
        return problems.size() > before ? Optional.empty() : Optional.of(new RuleTest(name, interval, series, checks));
    }

    private static Optional<ExpectedAlert> expected(ConfigFile file, YamlMapping alert, List<String> problems) {
        YamlFields fields = new YamlFields(file, alert, problems);
        fields.allowOnly(Set.of("status", "labels", "description", "summary"));
        Optional<String> status = fields.requiredText("status");
        if (status.isPresent()
                && !status.get().equals("pending")
                && !status.get().equals("firing")) {
            fields.problem(
                    fields.node("status").orElseThrow(), "expected pending or firing, got '" + status.get() + "'");
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        fields.mapping("labels")
                .ifPresent(mapping ->
                        YamlFields.plainMap(mapping).forEach((key, value) -> labels.put(key, String.valueOf(value))));
        return status.map(
                value -> new ExpectedAlert(value, labels, fields.text("description"), fields.text("summary")));
    }

    static InputSeries series(String selector, String values) {
        Matcher matcher = SERIES.matcher(selector.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("series '" + selector + "': expected name or name{label=\"value\",...}");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (matcher.group(2) != null && !matcher.group(2).isBlank()) {
            for (String pair : matcher.group(2).split(",")) {
                Matcher label = LABEL.matcher(pair);
                if (!label.matches()) {
                    throw new IllegalArgumentException(
                            "series '" + selector + "': expected label=\"value\", got '" + pair.trim() + "'");
                }
                labels.put(label.group(1), label.group(2));
            }
        }
        Require.metricName(matcher.group(1), "series name");
        List<OptionalDouble> parsed = new ArrayList<>();
        for (String token : values.trim().split("\\s+")) {
            Matcher repeat = REPEAT.matcher(token);
            String value = repeat.matches() ? repeat.group(1) : token;
            int times = repeat.matches() ? Integer.parseInt(repeat.group(2)) : 1;
            OptionalDouble one;
            if (value.equals("_")) {
                one = OptionalDouble.empty();
            } else {
                try {
                    one = OptionalDouble.of(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("values: '" + token + "' is not a number, vxN or _");
                }
            }
            if (parsed.size() + times > MAX_STEPS) {
                throw new IllegalArgumentException("values: more than " + MAX_STEPS + " steps");
            }
            for (int i = 0; i < times; i++) {
                parsed.add(one);
            }
        }
        return new InputSeries(matcher.group(1), labels, parsed);
    }
}
