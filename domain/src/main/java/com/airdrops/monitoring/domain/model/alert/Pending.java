package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;

/** The condition holds, and has held for less than the rule's for-duration. */
public record Pending(Instant since) implements ActivePhase {
    public Pending {
        Require.nonNull(since, "since");
    }

    @Override
    public AlertStatus status() {
        return AlertStatus.PENDING;
    }

    @Override
    public Instant pendingSince() {
        return since;
    }
}
