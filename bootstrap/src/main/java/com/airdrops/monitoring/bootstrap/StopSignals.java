package com.airdrops.monitoring.bootstrap;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into {@code System.exit(0)}: the shutdown hooks still run (the agent stops cleanly), and
 * the process then reports success, where the JVM's default would be 143 or 130, which systemd counts as a failure.
 * The JDK has no public API for this; {@code sun.misc.Signal} is in {@code jdk.unsupported}, which exists for it.
 *
 * <p>A signal during {@link #duringStartUp start-up} waits for it to finish: exiting in the middle of a schema
 * migration would leave H2 half-migrated (its DDL commits statement by statement) and the next start refused. The
 * start is bounded by the database's timeouts, and the agent then stops as after any SIGTERM.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final ReentrantLock START_UP = new ReentrantLock();

    private StopSignals() {}

    static void exitCleanlyOn(String... signals) {
        for (String name : signals) {
            try {
                // The JVM runs each handler on a thread of its own, which may wait here for the start-up.
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("SIG{} received: stopping", name);
                    if (START_UP.isLocked()) {
                        LOG.info("Stopping once the start-up in progress has finished (a database"
                                + " migration must not be cut short)");
                    }
                    START_UP.lock(); // held until exit: the start-up cannot begin again
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                // The signal does not exist here (another OS) or the JVM reserves it: keep the default behaviour.
            }
        }
    }

    /** Runs {@code start} so that a stop signal arriving meanwhile takes effect only after it has returned or thrown. */
    static <T> T duringStartUp(Supplier<T> start) {
        START_UP.lock();
        try {
            return start.get();
        } finally {
            START_UP.unlock();
        }
    }
}
