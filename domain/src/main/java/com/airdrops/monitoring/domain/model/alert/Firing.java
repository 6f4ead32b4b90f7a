package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;

/** The condition has held for the rule's for-duration. */
public record Firing(Instant pendingSince, Instant since) implements ActivePhase {
    public Firing {
        Require.nonNull(pendingSince, "pendingSince");
        Require.nonNull(since, "since");
    }

    @Override
    public AlertStatus status() {
        return AlertStatus.FIRING;
    }
}
