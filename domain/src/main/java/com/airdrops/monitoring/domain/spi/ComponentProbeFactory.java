package com.airdrops.monitoring.domain.spi;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;

/**
 * Plugin SPI for a new component type: a jar on the classpath (or in {@code plugins/}) lists its implementation in
 * {@code META-INF/services/com.airdrops.monitoring.domain.spi.ComponentProbeFactory}. Implementations need a public
 * no-argument constructor.
 */
public interface ComponentProbeFactory {
    /** The {@code type} that {@code components.yaml} names; must not be a built-in type. */
    String type();

    /** Creates the probe of one configured component; throws {@link IllegalArgumentException} on bad config. */
    ComponentProbe create(ComponentDefinition definition);
}
