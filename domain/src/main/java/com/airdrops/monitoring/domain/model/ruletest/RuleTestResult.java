package com.airdrops.monitoring.domain.model.ruletest;

import java.util.List;

/** What one rule test found: it passed, or it failed with the differences between expected and actual alerts. */
public sealed interface RuleTestResult {
    String name();

    record Passed(String name) implements RuleTestResult {}

    record Failed(String name, List<String> differences) implements RuleTestResult {
        public Failed {
            differences = List.copyOf(differences);
        }
    }

    /** {@code PASS name}, or {@code FAIL name} followed by the differences indented. */
    static List<String> lines(List<RuleTestResult> results) {
        return results.stream()
                .<String>mapMulti((result, lines) -> {
                    switch (result) {
                        case Passed passed -> lines.accept("PASS " + passed.name());
                        case Failed failed -> {
                            lines.accept("FAIL " + failed.name());
                            failed.differences().forEach(line -> lines.accept("  " + line));
                        }
                    }
                })
                .toList();
    }

    static boolean allPassed(List<RuleTestResult> results) {
        return results.stream().allMatch(Passed.class::isInstance);
    }
}
