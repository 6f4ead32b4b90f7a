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

    /** One part: what starts it (nothing for a part that is ready once built) and what stops it. */
    record Part(String name, Runnable start, Runnable stop) {
        static Part stopOnly(String name, Runnable stop) {
            return new Part(name, () -> {}, stop);
        }
    }

    private final List<Part> parts;

    Lifecycle(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Starts every part in order; when one fails, stops them all and throws its failure. */
    void start() {
        for (Part part : parts) {
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
        for (Part part : parts.reversed()) {
            try {
                part.stop().run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed: {}", part.name(), e.toString());
            }
        }
    }
}
