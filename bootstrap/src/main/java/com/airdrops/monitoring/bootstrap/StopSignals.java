package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.persistence.Database;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into {@code System.exit(0)}: the shutdown hooks still run (the agent stops cleanly), and
 * the process then reports success, where the JVM's default would be 143 or 130, which systemd counts as a failure.
 * The JDK has no public API for this; {@code sun.misc.Signal} is in {@code jdk.unsupported}, which exists for it.
 *
 * <p>A signal takes effect at once, also during start-up (an unreachable database is not waited for), except during
 * a schema migration, which it lets finish for up to {@link #MIGRATION_GRACE} and after which no other begins. One
 * that takes longer (a frozen database server) is cut short, which is safe (an H2 file is migrated on a copy,
 * PostgreSQL's in a transaction): it runs again at the next start. The first of a stop signal and a failed start
 * decides the exit status, so that a start cut short by a stop is not reported as failed, nor a failure as a stop.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    /** Well within systemd's 60 s to stop, which also has to leave room for writing the AOT cache on the way out. */
    static final Duration MIGRATION_GRACE = Duration.ofSeconds(10);

    private enum Exit {
        NONE,
        STOP,
        FAILED_START
    }

    private static final AtomicReference<Exit> EXIT = new AtomicReference<>(Exit.NONE);

    private StopSignals() {}

    static void exitCleanlyOn(String... signals) {
        for (String name : signals) {
            try {
                // The JVM runs each handler on a thread of its own, which may wait here for a migration.
                Signal.handle(new Signal(name), signal -> stop(name));
            } catch (IllegalArgumentException e) {
                // The signal does not exist here (another OS) or the JVM reserves it: keep the default behaviour.
            }
        }
    }

    private static void stop(String signal) {
        if (!EXIT.compareAndSet(Exit.NONE, Exit.STOP)) {
            LOG.info(
                    "SIG{} received: {}",
                    signal,
                    EXIT.get() == Exit.STOP ? "already stopping" : "the failed start is exiting already");
            return;
        }
        LOG.info("SIG{} received: stopping", signal);
        if (Database.migrating()) {
            LOG.info(
                    "Stopping once the database schema migration in progress has finished (waiting at most {} s)",
                    MIGRATION_GRACE.toSeconds());
        }
        if (!Database.forbidMigrationsFromNow(MIGRATION_GRACE)) {
            LOG.warn(
                    "Stopping during the database schema migration after {} s: it is rolled back (H2: its copy is"
                            + " left and removed at the next start) and runs again at the next start",
                    MIGRATION_GRACE.toSeconds());
        }
        System.exit(0);
    }

    /**
     * Claims the exit for a start that failed: false when a stop signal came first (the start was cut short by it and
     * the process exits with 0); after true, a stop signal leaves the exit to the failure.
     */
    static boolean claimFailedStart() {
        return EXIT.compareAndSet(Exit.NONE, Exit.FAILED_START) || EXIT.get() == Exit.FAILED_START;
    }
}
