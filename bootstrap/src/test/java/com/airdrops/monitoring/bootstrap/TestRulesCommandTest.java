package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.RuleTestsFile;
import com.airdrops.monitoring.domain.model.ruletest.RuleTestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule tests run the real alert evaluation: the shipped rules pass theirs, and a wrong expectation shows a diff. */
class TestRulesCommandTest {
    private static final Path SHIPPED =
            Path.of("..", "config", "alert_rules.test.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theShippedRulesPassTheirTests() {
        List<RuleTestResult> results = TestRulesCommand.run(SHIPPED, Map.of());

        assertThat(RuleTestResult.lines(results))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("PASS "));
        assertThat(RuleTestResult.allPassed(results)).isTrue();
    }

    @Test
    void aWrongExpectationFailsWithWhatWasExpectedAndWhatHappened() throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - { name: queue_deep, metric_name: queue_depth, condition: gt, threshold: 100, severity: high,
                      for_duration: 60, description: "{{ $labels.component }} at {{ $value }}" }
                """);
        Path tests = Files.writeString(dir.resolve("rules.test.yaml"), """
                rule_files: [rules.yaml]
                evaluation_interval: 30
                tests:
                  - name: fires after a minute
                    input_series:
                      - { series: 'queue_depth{component="scheduler"}', values: "150x5" }
                    checks:
                      - at: 30
                        alert: queue_deep
                        expect: [ { status: firing, labels: { component: scheduler }, description: "scheduler at 150" } ]
                """);

        List<RuleTestResult> results = TestRulesCommand.run(tests, Map.of());

        assertThat(RuleTestResult.allPassed(results)).isFalse();
        assertThat(RuleTestResult.lines(results))
                .containsExactly(
                        "FAIL fires after a minute",
                        "  at 30 s, alert queue_deep:",
                        "    expected: firing {component=scheduler} \"scheduler at 150\"",
                        "    got:      pending {component=scheduler} \"scheduler at 150\"");
    }

    @Test
    void aBrokenTestFileIsLocated() throws IOException {
        Path tests = Files.writeString(dir.resolve("bad.test.yaml"), """
                rule_files: [rules.yaml]
                tests:
                  - name: x
                    input_series:
                      - { series: 'queue_depth{component=scheduler}', values: "1 two" }
                    checks:
                      - { at: 0, alert: a, expect: [ { status: burning } ] }
                """);

        assertThatThrownBy(() -> RuleTestsFile.load(tests, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(line -> assertThat(line).contains(":5:", "expected label=\"value\""))
                                .anySatisfy(line -> assertThat(line).contains(":7:", "expected pending or firing")));
    }
}
