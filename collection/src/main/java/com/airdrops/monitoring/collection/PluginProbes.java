package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ComponentProbeFactory;
import com.airdrops.monitoring.domain.spi.ProbeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a plugged-in component's probe so that a plugin that fails cannot stop the agent: a factory that throws
 * (or whose classes do not link) gives a probe that fails every read with the reason, so that component shows
 * unhealthy with it while the host, the other components and alerting run on.
 */
public final class PluginProbes {
    private static final Logger LOG = LoggerFactory.getLogger(PluginProbes.class);

    private PluginProbes() {}

    public static ComponentProbe create(ComponentProbeFactory factory, ComponentDefinition definition) {
        try {
            ComponentProbe probe = factory.create(definition);
            if (probe == null) {
                throw new IllegalStateException("the factory returned no probe");
            }
            return probe;
        } catch (RuntimeException | LinkageError e) {
            String reason = "the plugin of component type '" + definition.type() + "' could not create its probe ("
                    + factory.getClass().getName() + "): " + e;
            LOG.error(
                    "Component {} will stay unhealthy: {}; the host, the other components and alerting run on",
                    definition.name(),
                    reason,
                    e);
            return () -> {
                throw new ProbeException(reason);
            };
        }
    }
}
