package com.airdrops.monitoring.domain.model.lease;

import java.time.Instant;
import java.util.Objects;

/**
 * This agent's standing in its instance's leader lease, as the last renewal found it: it leads with an epoch, it led
 * and has lost the database (it goes on leading from memory), another agent holds the lease until a time, or the
 * database could not be reached since a time by an agent that was not leading.
 */
public sealed interface LeaseState {
    /** This agent leads: it alone evaluates, writes and delivers, in the term numbered {@code epoch}. */
    record Leading(long epoch) implements LeaseState {
        public Leading {
            if (epoch < 1) {
                throw new IllegalArgumentException("a lease epoch starts at 1, got " + epoch);
            }
        }
    }

    /**
     * This agent led in the term {@code epoch} and has not reached the database since {@code since}: it goes on
     * evaluating and notifying from memory (a page twice beats no page), writes nothing until a renewal confirms its
     * lease, and stands by if that renewal finds another agent holding it.
     */
    record Isolated(long epoch, Instant since) implements LeaseState {
        public Isolated {
            Objects.requireNonNull(since, "since");
        }
    }

    /** Another agent of the instance, {@code holder}, holds the lease until {@code until} unless it renews it. */
    record Standby(String holder, Instant until) implements LeaseState {
        public Standby {
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(until, "until");
        }
    }

    /** The lease could not be renewed since {@code since}: the database did not answer. */
    record Unreachable(Instant since) implements LeaseState {
        public Unreachable {
            Objects.requireNonNull(since, "since");
        }
    }

    /** Whether this agent acts for its instance now: evaluates, notifies, and writes when it can. */
    default boolean leads() {
        return this instanceof Leading || this instanceof Isolated;
    }
}
