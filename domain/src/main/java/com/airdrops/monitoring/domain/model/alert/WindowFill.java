package com.airdrops.monitoring.domain.model.alert;

import java.time.Instant;

/**
 * How far a rule's window has filled: it started empty at {@code since} (the agent's start, or when the rule came or
 * changed) and holds its whole {@code over} from {@code filledAt}; {@code series} it watches now, and how many samples
 * of further series it {@code refused} (past its share of the series limit), and how many series are {@code sparse}:
 * a single sample in a whole window, so that a function of two (an increase) has nothing to say.
 */
public record WindowFill(Instant since, Instant filledAt, int series, long refused, int sparse) {
    public boolean filled(Instant now) {
        return !now.isBefore(filledAt);
    }
}
