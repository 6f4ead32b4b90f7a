package com.airdrops.monitoring.domain.model.alert;

import java.time.Instant;

/**
 * How far a rule's window has filled: it started empty at {@code since} (the agent's start, or when the rule came or
 * changed) and holds its whole {@code over} from {@code filledAt}; {@code series} it watches now.
 */
public record WindowFill(Instant since, Instant filledAt, int series) {
    public boolean filled(Instant now) {
        return !now.isBefore(filledAt);
    }
}
