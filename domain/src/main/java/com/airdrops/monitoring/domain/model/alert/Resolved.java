package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;

/** A firing alert whose condition stopped holding (or whose series or rule disappeared). */
public record Resolved(Instant firingSince, Instant at) implements AlertPhase {
    public Resolved {
        Require.nonNull(firingSince, "firingSince");
        Require.nonNull(at, "at");
    }

    @Override
    public AlertStatus status() {
        return AlertStatus.RESOLVED;
    }
}
