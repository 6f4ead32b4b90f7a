package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.spi.ComponentProbe;

/** A configured component and the probe that reads it. */
public record ComponentRegistration(ComponentDefinition definition, ComponentProbe probe) {
    public ComponentRegistration {
        if (definition == null || probe == null) {
            throw new IllegalArgumentException("definition and probe are required");
        }
    }
}
