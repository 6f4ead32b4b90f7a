package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.ruletest.RuleTest;
import java.nio.file.Path;
import java.util.List;

/** A file's rule files (resolved against it), evaluation interval and tests. */
public record RuleTests(List<Path> ruleFiles, long evaluationIntervalSeconds, List<RuleTest> tests) {}
