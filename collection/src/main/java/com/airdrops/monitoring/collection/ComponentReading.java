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

    /** The probe threw, timed out, was still busy, or its data was stale ({@code stale}). */
    record Failed(
            ComponentDefinition definition,
            String reason,
            boolean stale,
            double probeSeconds,
            long errors,
            long successes)
            implements ComponentReading {}

    default ComponentStatus status() {
        return switch (this) {
            case Fresh fresh -> fresh.snapshot().status().orElse(ComponentStatus.HEALTHY);
            case Failed failed -> ComponentStatus.UNHEALTHY;
        };
    }
}
