package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;

/** Takes snapshots that components push to the API. Thread-safe. */
public interface ComponentPushReceiver {
    PushOutcome accept(String componentName, ComponentSnapshot snapshot);

    /** The result of a push. */
    sealed interface PushOutcome {
        record Accepted(String componentName) implements PushOutcome {}

        /** The name is not a push component of {@code components.yaml}; nothing was stored. */
        record UnknownComponent(String componentName) implements PushOutcome {}
    }
}
