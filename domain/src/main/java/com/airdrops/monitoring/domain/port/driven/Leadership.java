package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.lease.Leading;
import com.airdrops.monitoring.domain.model.lease.LeaseState;

/**
 * Whether this agent leads its instance: only the leader evaluates rules, writes transitions, delivers notifications
 * and prunes; a standby (the other agent of an active/standby pair) collects and serves its metrics, and takes over
 * when the leader's lease expires. Thread-safe.
 */
@FunctionalInterface
public interface Leadership {
    /** An agent alone in its instance, without a lease: it leads, in its only term. */
    Leadership ALONE = () -> new Leading(1);

    LeaseState state();
}
