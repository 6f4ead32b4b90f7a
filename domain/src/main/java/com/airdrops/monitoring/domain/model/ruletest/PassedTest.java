package com.airdrops.monitoring.domain.model.ruletest;

public record PassedTest(String name) implements RuleTestResult {}
