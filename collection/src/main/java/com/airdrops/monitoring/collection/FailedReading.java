package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import java.util.Optional;

/**
 * The probe threw, timed out or was still busy. {@code awaitingFirst}: nothing was read from the component since
 * the agent started, and its staleness limit has not passed yet (a bot that pushes every 10 s has not had its turn).
 */
record FailedReading(
        ComponentDefinition definition,
        String reason,
        double probeSeconds,
        long errors,
        long successes,
        Optional<ComponentSnapshot> lastKnown,
        boolean awaitingFirst)
        implements ComponentReading {}
