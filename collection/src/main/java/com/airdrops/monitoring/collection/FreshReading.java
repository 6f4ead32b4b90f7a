package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import java.util.Optional;

/** Fresh data arrived within the timeout and the staleness limit. */
record FreshReading(
        ComponentDefinition definition, ComponentSnapshot snapshot, double probeSeconds, long errors, long successes)
        implements ComponentReading {
    @Override
    public Optional<ComponentSnapshot> lastKnown() {
        return Optional.empty();
    }

    @Override
    public ComponentStatus status() {
        return snapshot.status().orElse(ComponentStatus.HEALTHY);
    }
}
