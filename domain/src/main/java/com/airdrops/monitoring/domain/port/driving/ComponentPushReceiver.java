package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;

/** Takes snapshots that components push to the API. Thread-safe. */
public interface ComponentPushReceiver {
    PushOutcome accept(String componentName, ComponentSnapshot snapshot);
}
