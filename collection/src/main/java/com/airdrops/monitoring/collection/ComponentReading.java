package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import java.util.Optional;

/**
 * The outcome of probing one component in one cycle, with the running counts of its probes. A failed or stale reading
 * is a silent component: it carries the last snapshot read fresh, if any, so that its alerts keep their state.
 */
sealed interface ComponentReading {
    ComponentDefinition definition();

    double probeSeconds();

    long errors();

    long successes();

    /** Fresh data arrived within the timeout and the staleness limit. */
    record Fresh(
            ComponentDefinition definition,
            ComponentSnapshot snapshot,
            double probeSeconds,
            long errors,
            long successes)
            implements ComponentReading {}

    /**
     * The probe threw, timed out or was still busy. {@code awaitingFirst}: nothing was read from the component since
     * the agent started, and its staleness limit has not passed yet (a bot that pushes every 10 s has not had its turn).
     */
    record Failed(
            ComponentDefinition definition,
            String reason,
            double probeSeconds,
            long errors,
            long successes,
            Optional<ComponentSnapshot> lastKnown,
            boolean awaitingFirst)
            implements ComponentReading {}

    /** Data came, but older than the component's staleness limit: the component stopped reporting. */
    record Stale(
            ComponentDefinition definition,
            String reason,
            double probeSeconds,
            long errors,
            long successes,
            Optional<ComponentSnapshot> lastKnown)
            implements ComponentReading {}

    /** The last snapshot read fresh from a component that is silent now; empty when it reports, or never did. */
    default Optional<ComponentSnapshot> lastKnown() {
        return switch (this) {
            case Fresh fresh -> Optional.empty();
            case Failed failed -> failed.lastKnown();
            case Stale stale -> stale.lastKnown();
        };
    }

    /** Silent after saying it was stopping: a planned stop, not a crash. */
    default boolean plannedStop() {
        return lastKnown()
                .flatMap(ComponentSnapshot::status)
                .filter(ComponentStatus.STOPPING::equals)
                .isPresent();
    }

    default ComponentStatus status() {
        return switch (this) {
            case Fresh fresh -> fresh.snapshot().status().orElse(ComponentStatus.HEALTHY);
            case Failed failed -> plannedStop() ? ComponentStatus.STOPPING : ComponentStatus.UNHEALTHY;
            case Stale stale -> plannedStop() ? ComponentStatus.STOPPING : ComponentStatus.UNHEALTHY;
        };
    }
}
