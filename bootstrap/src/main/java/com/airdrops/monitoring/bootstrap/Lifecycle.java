package com.airdrops.monitoring.bootstrap;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's parts in the order they start; they stop in the reverse order, each whatever the others do. Every part
 * is built before it is started, so a stop closes all of them, started or not: closing a part that never started is
 * harmless. Parts that are built later (the database half) {@link #join} at a fixed place among the others, so that
 * the order of stopping stays the order of dependence.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final List<LifecyclePart> parts;
    private final int joinAt;
    private boolean stopped;

    Lifecycle(List<LifecyclePart> parts) {
        this(parts, parts.size());
    }

    /** @param joinAt where the parts that join go: before the part at this index (the last ones stop first) */
    Lifecycle(List<LifecyclePart> parts, int joinAt) {
        this.parts = new ArrayList<>(parts);
        this.joinAt = joinAt;
    }

    /** Starts every part in order; when one fails, stops them all and throws its failure. */
    synchronized void start() {
        refuseOnceStopped(List.of());
        start(List.copyOf(parts));
    }

    /**
     * Adds {@code joining} at the join place and starts them in order; when one fails, stops all and throws. After
     * {@link #stop()}, stops {@code joining} instead (they were built, a database opened) and throws.
     */
    synchronized void join(List<LifecyclePart> joining) {
        refuseOnceStopped(joining);
        parts.addAll(joinAt, joining);
        start(joining);
    }

    private void refuseOnceStopped(List<LifecyclePart> joining) {
        if (stopped) {
            stop(joining);
            throw new IllegalStateException("the agent was stopped during its start");
        }
    }

    private void start(List<LifecyclePart> starting) {
        for (LifecyclePart part : starting) {
            try {
                part.start().run();
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }
    }

    /** Stops every part in reverse order; a part that fails to stop is logged and the others still stop. */
    synchronized void stop() {
        stopped = true;
        stop(parts);
    }

    private static void stop(List<LifecyclePart> stopping) {
        for (LifecyclePart part : stopping.reversed()) {
            try {
                part.stop().run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed: {}", part.name(), e.toString());
            }
        }
    }
}
