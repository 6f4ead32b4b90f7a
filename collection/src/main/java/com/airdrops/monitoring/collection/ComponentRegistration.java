package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.ComponentDefinition;
import com.airdrops.monitoring.domain.port.ComponentProbe;

/** A configured component and the probe that reads it. */
public record ComponentRegistration(ComponentDefinition definition, ComponentProbe probe) {
    public ComponentRegistration {
        if (definition == null || probe == null) {
            throw new IllegalArgumentException("definition and probe are required");
        }
    }
}
