package com.airdrops.monitoring.domain.model.lease;

import java.time.Instant;
import java.util.Objects;

/** Another agent of the instance, {@code holder}, holds the lease until {@code until} unless it renews it. */
public record Standby(String holder, Instant until) implements LeaseState {
    public Standby {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(until, "until");
    }
}
