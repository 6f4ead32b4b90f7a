package com.airdrops.monitoring.domain.spi;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;

/**
 * Reads one component's current state. The collection service calls it off its own thread with the component's
 * timeout; a probe may block (on I/O) but should honour interruption. Failures throw any runtime exception.
 */
@FunctionalInterface
public interface ComponentProbe {
    ComponentSnapshot probe();
}
