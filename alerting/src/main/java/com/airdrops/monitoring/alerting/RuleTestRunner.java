package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.ruletest.Check;
import com.airdrops.monitoring.domain.model.ruletest.ExpectedAlert;
import com.airdrops.monitoring.domain.model.ruletest.FailedTest;
import com.airdrops.monitoring.domain.model.ruletest.InputSeries;
import com.airdrops.monitoring.domain.model.ruletest.PassedTest;
import com.airdrops.monitoring.domain.model.ruletest.RuleTest;
import com.airdrops.monitoring.domain.model.ruletest.RuleTestResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Runs rule tests: the agent's own {@link RuleEvaluator} with the rules of the test file, on a clock that advances by
 * the evaluation interval, fed the input series; at each check, the rule's active alerts are compared with the expected
 * ones (status, every label, and the rendered summary and description when given). Nothing is stored or sent.
 */
public final class RuleTestRunner {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private RuleTestRunner() {}

    /** Runs each test on its own, from no state, evaluating {@code rules} every {@code evaluationSeconds}. */
    public static List<RuleTestResult> run(List<AlertRule> rules, long evaluationSeconds, List<RuleTest> tests) {
        List<RuleTestResult> results = new ArrayList<>();
        for (RuleTest test : tests) {
            List<String> differences = run(test, rules, evaluationSeconds);
            results.add(differences.isEmpty() ? new PassedTest(test.name()) : new FailedTest(test.name(), differences));
        }
        return results;
    }

    private static List<String> run(RuleTest test, List<AlertRule> rules, long evaluationSeconds) {
        RuleEvaluator evaluator = new RuleEvaluator(Map.of(), Silencer.none(() -> START), new RuleWindows());
        Instant lastPass = START;
        List<Check> checks = new ArrayList<>(test.checks());
        checks.sort(Comparator.comparingLong(Check::atSeconds));
        long end = checks.isEmpty() ? 0 : checks.getLast().atSeconds();
        List<String> differences = new ArrayList<>();
        int next = 0;
        for (long t = 0; t <= end; t += evaluationSeconds) {
            // Checks between two passes see the state the earlier pass left.
            while (next < checks.size() && checks.get(next).atSeconds() < t) {
                compare(checks.get(next++), evaluator.states().alerts(lastPass), differences);
            }
            lastPass = START.plusSeconds(t);
            evaluator.evaluate(rules, samples(test, t), lastPass);
        }
        while (next < checks.size()) {
            compare(checks.get(next++), evaluator.states().alerts(lastPass), differences);
        }
        return differences;
    }

    private static List<Sample> samples(RuleTest test, long seconds) {
        List<Sample> samples = new ArrayList<>();
        int index = (int) (seconds / test.intervalSeconds());
        for (InputSeries series : test.series()) {
            if (index < series.values().size()) {
                OptionalDouble value = series.values().get(index);
                if (value.isPresent()) {
                    samples.add(new Sample(
                            series.name(), series.labels(), value.getAsDouble(), START.plusSeconds(seconds)));
                }
            }
        }
        return samples;
    }

    private static void compare(Check check, List<Alert> active, List<String> differences) {
        List<Alert> actual = active.stream()
                .filter(alert -> alert.ruleName().equals(check.rule()))
                .toList();
        List<Alert> unmatched = new ArrayList<>(actual);
        boolean matches = check.expected().size() == actual.size();
        for (ExpectedAlert expected : check.expected()) {
            // An annotation the test does not give matches any text.
            Alert found = unmatched.stream()
                    .filter(alert -> alert.status().wireName().equals(expected.status())
                            && alert.labels().equals(expected.labels())
                            && expected.description()
                                    .map(alert.description()::equals)
                                    .orElse(true)
                            && expected.summary().map(alert.summary()::equals).orElse(true))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                matches = false;
            } else {
                unmatched.remove(found);
            }
        }
        if (!matches) {
            differences.add("at " + check.atSeconds() + " s, alert " + check.rule() + ":");
            List<String> expected = check.expected().stream()
                    .map(alert -> shown(
                            alert.status(),
                            alert.labels(),
                            alert.summary().orElse(null),
                            alert.description().orElse(null)))
                    .sorted()
                    .toList();
            List<String> got = actual.stream()
                    .map(alert -> shown(
                            alert.status().wireName(),
                            alert.labels(),
                            alert.summary().isEmpty() ? null : alert.summary(),
                            alert.description()))
                    .sorted()
                    .toList();
            differences.add("  expected: " + (expected.isEmpty() ? "(none)" : String.join("; ", expected)));
            differences.add("  got:      " + (got.isEmpty() ? "(none)" : String.join("; ", got)));
        }
    }

    private static String shown(String status, Map<String, String> labels, String summary, String description) {
        return status + " " + new TreeMap<>(labels) + (summary == null ? "" : " summary=\"" + summary + "\"")
                + (description == null ? "" : " \"" + description + "\"");
    }
}
