package com.airdrops.monitoring.domain.model.ruletest;

import java.util.List;

/** One named test: series with a value every {@code intervalSeconds}, and checks of the alerts they raise. */
public record RuleTest(String name, long intervalSeconds, List<InputSeries> series, List<Check> checks) {
    public RuleTest {
        series = List.copyOf(series);
        checks = List.copyOf(checks);
    }
}
