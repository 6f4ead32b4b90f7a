package com.airdrops.monitoring.domain.model.lease;

import java.time.Instant;
import java.util.Objects;

/** The lease could not be renewed since {@code since}: the database did not answer. */
public record Unreachable(Instant since) implements LeaseState {
    public Unreachable {
        Objects.requireNonNull(since, "since");
    }
}
