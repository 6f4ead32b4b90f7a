package com.airdrops.monitoring.domain.model.alert;

import java.time.Duration;

/**
 * A rule's sliding window: {@code function} over the samples of the last {@code over} of each series it watches.
 *
 * @param over at least one second
 */
public record RuleWindow(WindowFunction function, Duration over) {
    public RuleWindow {
        if (function == null) {
            throw new IllegalArgumentException("function is required");
        }
        if (over == null || over.toMillis() < 1_000) {
            throw new IllegalArgumentException("over must be at least 1 second");
        }
    }

    /** {@code over} as an operator writes it: {@code 10m}, {@code 1h}, {@code 90s}. */
    public String overText() {
        long seconds = over.toSeconds();
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
