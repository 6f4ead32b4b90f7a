package com.airdrops.monitoring.domain.model.ruletest;

import java.util.List;

/** The alerts of {@code rule} expected active at {@code atSeconds}. */
public record Check(long atSeconds, String rule, List<ExpectedAlert> expected) {
    public Check {
        expected = List.copyOf(expected);
    }
}
