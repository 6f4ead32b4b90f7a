package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import java.util.Optional;

/**
 * The outcome of probing one component in one cycle, with the running counts of its probes. A failed or stale reading
 * is a silent component: it carries the last snapshot read fresh, if any, so that its alerts keep their state.
 */
sealed interface ComponentReading permits FreshReading, FailedReading, StaleReading {
    ComponentDefinition definition();

    double probeSeconds();

    long errors();

    long successes();

    /** The last snapshot read fresh from a component that is silent now; empty when it reports, or never did. */
    Optional<ComponentSnapshot> lastKnown();

    /** Silent after saying it was stopping: a planned stop, not a crash. */
    default boolean plannedStop() {
        return lastKnown()
                .flatMap(ComponentSnapshot::status)
                .filter(ComponentStatus.STOPPING::equals)
                .isPresent();
    }

    /** What the component's status gauge shows. */
    default ComponentStatus status() {
        return plannedStop() ? ComponentStatus.STOPPING : ComponentStatus.UNHEALTHY;
    }
}
