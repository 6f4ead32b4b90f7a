package com.airdrops.monitoring.domain.model.lease;

/**
 * This agent's standing in its instance's leader lease, as the last renewal found it: it leads with an epoch, it led
 * and has lost the database (it goes on leading from memory), another agent holds the lease until a time, or the
 * database could not be reached since a time by an agent that was not leading.
 */
public sealed interface LeaseState permits Leading, Isolated, Standby, Unreachable {

    /** Whether this agent acts for its instance now: evaluates, notifies, and writes when it can. */
    default boolean leads() {
        return this instanceof Leading || this instanceof Isolated;
    }
}
