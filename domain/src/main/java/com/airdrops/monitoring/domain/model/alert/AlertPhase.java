package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;

/**
 * Where an alert stands in its lifecycle, with exactly the instants that stage has: pending since the condition first
 * held, firing since its for-duration ran out, resolved when it stopped holding.
 */
public sealed interface AlertPhase {
    AlertStatus status();

    /** The phases of an alert that is still active (pending or firing): what the alert state stores. */
    sealed interface Active extends AlertPhase {
        Instant pendingSince();
    }

    /** The condition holds, and has held for less than the rule's for-duration. */
    record Pending(Instant since) implements Active {
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

    /** The condition has held for the rule's for-duration. */
    record Firing(Instant pendingSince, Instant since) implements Active {
        public Firing {
            Require.nonNull(pendingSince, "pendingSince");
            Require.nonNull(since, "since");
        }

        @Override
        public AlertStatus status() {
            return AlertStatus.FIRING;
        }
    }

    /** A firing alert whose condition stopped holding (or whose series or rule disappeared). */
    record Resolved(Instant firingSince, Instant at) implements AlertPhase {
        public Resolved {
            Require.nonNull(firingSince, "firingSince");
            Require.nonNull(at, "at");
        }

        @Override
        public AlertStatus status() {
            return AlertStatus.RESOLVED;
        }
    }
}
