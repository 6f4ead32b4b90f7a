package com.airdrops.monitoring.domain.model.lease;

/** This agent leads: it alone evaluates, writes and delivers, in the term numbered {@code epoch}. */
public record Leading(long epoch) implements LeaseState {
    public Leading {
        if (epoch < 1) {
            throw new IllegalArgumentException("a lease epoch starts at 1, got " + epoch);
        }
    }
}
