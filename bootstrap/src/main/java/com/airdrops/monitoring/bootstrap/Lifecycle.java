package com.airdrops.monitoring.bootstrap;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's parts in the order they start; they stop in the reverse order, each whatever the others do. Every part
 * is built before the lifecycle starts (the database is already open), so a stop closes all of them, started or not:
 * closing a part that never started is harmless, and a stop after a failed start must still close the database.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final List<LifecyclePart> parts;

    Lifecycle(List<LifecyclePart> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Starts every part in order; when one fails, stops them all and throws its failure. */
    void start() {
        for (LifecyclePart part : parts) {
            try {
                part.start().run();
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }
    }

    /** Stops every part in reverse order; a part that fails to stop is logged and the others still stop. */
    void stop() {
        for (LifecyclePart part : parts.reversed()) {
            try {
                part.stop().run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed: {}", part.name(), e.toString());
            }
        }
    }
}
