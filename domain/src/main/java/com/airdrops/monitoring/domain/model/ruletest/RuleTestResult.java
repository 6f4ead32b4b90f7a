package com.airdrops.monitoring.domain.model.ruletest;

import java.util.List;

/** What one rule test found: it passed, or it failed with the differences between expected and actual alerts. */
public sealed interface RuleTestResult permits PassedTest, FailedTest {
    String name();

    /** {@code PASS name}, or {@code FAIL name} followed by the differences indented. */
    static List<String> lines(List<RuleTestResult> results) {
        return results.stream()
                .<String>mapMulti((result, lines) -> {
                    switch (result) {
                        case PassedTest passed -> lines.accept("PASS " + passed.name());
                        case FailedTest failed -> {
                            lines.accept("FAIL " + failed.name());
                            failed.differences().forEach(line -> lines.accept("  " + line));
                        }
                    }
                })
                .toList();
    }

    static boolean allPassed(List<RuleTestResult> results) {
        return results.stream().allMatch(PassedTest.class::isInstance);
    }
}
