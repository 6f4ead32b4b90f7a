package com.airdrops.monitoring.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.airdrops.monitoring.alerting.RuleTestRunner;
import com.airdrops.monitoring.config.AlertRulesFile;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.RuleTests;
import com.airdrops.monitoring.config.RuleTestsFile;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.ruletest.RuleTestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code test-rules FILE...}: runs rule tests against the real alert evaluation; exits 0 when all pass, 1 else. */
@Command(
        name = "test-rules",
        mixinStandardHelpOptions = true,
        description = "Run rule tests (input series, expected alerts at given times; see README) against the real "
                + "alert evaluation with a simulated clock. Prints PASS or FAIL per test with the differences; exits "
                + "0 when every test passes, 1 otherwise.")
final class TestRulesCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "rule test files")
    List<Path> files;

    @Override
    public Integer call() {
        // The evaluation's own log lines (every transition) would bury the verdicts: only warnings show.
        ((Logger) LoggerFactory.getLogger("com.airdrops.monitoring.alerting")).setLevel(Level.WARN);
        boolean passed = true;
        for (Path file : files) {
            try {
                List<RuleTestResult> results = run(file, System.getenv());
                RuleTestResult.lines(results).forEach(System.out::println);
                passed &= RuleTestResult.allPassed(results);
            } catch (ConfigException e) {
                e.problems().forEach(problem -> System.out.println("ERROR: " + problem));
                passed = false;
            } catch (RuntimeException e) {
                System.out.println("ERROR: " + file + ": " + Main.rootMessage(e));
                passed = false;
            }
        }
        return passed ? 0 : 1;
    }

    /** Reads a rule test file and the rule files it names, and runs its tests. */
    static List<RuleTestResult> run(Path file, Map<String, String> environment) {
        RuleTests tests = RuleTestsFile.load(file, environment);
        List<AlertRule> rules = new ArrayList<>();
        for (Path ruleFile : tests.ruleFiles()) {
            rules.addAll(AlertRulesFile.load(ruleFile, environment));
        }
        return RuleTestRunner.run(rules, tests.evaluationIntervalSeconds(), tests.tests());
    }
}
