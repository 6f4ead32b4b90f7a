package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import java.util.Optional;

/** Data came, but older than the component's staleness limit: the component stopped reporting. */
record StaleReading(
        ComponentDefinition definition,
        String reason,
        double probeSeconds,
        long errors,
        long successes,
        Optional<ComponentSnapshot> lastKnown)
        implements ComponentReading {}
