package com.airdrops.monitoring.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.RuleTestsFile;
import java.nio.file.Path;
import java.util.List;
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
                RuleTestRunner.Outcome outcome =
                        RuleTestRunner.run(RuleTestsFile.load(file, System.getenv()), System.getenv());
                outcome.lines().forEach(System.out::println);
                passed &= outcome.passed();
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
}
