package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;

/** The outcome of probing one component in one cycle, with the running counts of its probes. */
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

    /** The probe threw, timed out or was still busy. */
    record Failed(ComponentDefinition definition, String reason, double probeSeconds, long errors, long successes)
            implements ComponentReading {}

    /** Data came, but older than the component's staleness limit: the component stopped reporting. */
    record Stale(ComponentDefinition definition, String reason, double probeSeconds, long errors, long successes)
            implements ComponentReading {}

    default ComponentStatus status() {
        return switch (this) {
            case Fresh fresh -> fresh.snapshot().status().orElse(ComponentStatus.HEALTHY);
            case Failed failed -> ComponentStatus.UNHEALTHY;
            case Stale stale -> ComponentStatus.UNHEALTHY;
        };
    }
}
