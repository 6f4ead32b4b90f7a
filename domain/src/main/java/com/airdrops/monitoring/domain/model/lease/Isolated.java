package com.airdrops.monitoring.domain.model.lease;

import java.time.Instant;
import java.util.Objects;

/**
 * This agent led in the term {@code epoch} and has not reached the database since {@code since}: it goes on
 * evaluating and notifying from memory (a page twice beats no page), writes nothing until a renewal confirms its
 * lease, and stands by if that renewal finds another agent holding it.
 */
public record Isolated(long epoch, Instant since) implements LeaseState {
    public Isolated {
        Objects.requireNonNull(since, "since");
    }
}
