package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.alert.AlertPhase;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.alert.Pending;
import com.airdrops.monitoring.domain.model.alert.Resolved;
import java.time.Instant;
import java.util.Optional;

/** Rebuilds an alert's phase from the status and instant columns (or JSON fields) it was stored as. */
final class AlertPhases {
    private AlertPhases() {}

    /**
     * The phase of a stored row observed at {@code at}. A row written before the pending instant was stored with every
     * transition reads the row's own instant (pending) or the firing instant (firing) in its place; a row missing an
     * instant its status needs is corrupt.
     */
    static AlertPhase of(
            AlertStatus status,
            Instant at,
            Optional<Instant> pendingSince,
            Optional<Instant> firingSince,
            Optional<Instant> resolvedAt) {
        return switch (status) {
            case PENDING -> new Pending(pendingSince.orElse(at));
            case FIRING -> {
                Instant firing = required(firingSince, "firing_since");
                yield new Firing(pendingSince.orElse(firing), firing);
            }
            case RESOLVED -> new Resolved(required(firingSince, "firing_since"), required(resolvedAt, "resolved_at"));
        };
    }

    private static Instant required(Optional<Instant> instant, String column) {
        return instant.orElseThrow(() -> new IllegalStateException("corrupt alert row: " + column + " is missing"));
    }
}
