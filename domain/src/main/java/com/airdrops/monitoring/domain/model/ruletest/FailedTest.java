package com.airdrops.monitoring.domain.model.ruletest;

import java.util.List;

public record FailedTest(String name, List<String> differences) implements RuleTestResult {
    public FailedTest {
        differences = List.copyOf(differences);
    }
}
