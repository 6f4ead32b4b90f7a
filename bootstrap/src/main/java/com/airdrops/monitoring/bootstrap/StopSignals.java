package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into {@code System.exit(0)}: the shutdown hooks still run (the agent stops cleanly), and
 * the process then reports success, where the JVM's default would be 143 or 130, which systemd counts as a failure.
 * The JDK has no public API for this; {@code sun.misc.Signal} is in {@code jdk.unsupported}, which exists for it.
 *
 * <p>A signal takes effect at once, also during start-up (an unreachable database is not waited for), except during
 * a schema migration, which it lets finish and after which no other begins: a migration cut short by a clean stop
 * would cost the next start a second one. (One cut short by SIGKILL or a power cut is safe: an H2 file is migrated on a
 * copy, PostgreSQL's in a transaction.)
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static volatile boolean received;

    private StopSignals() {}

    static void exitCleanlyOn(String... signals) {
        for (String name : signals) {
            try {
                // The JVM runs each handler on a thread of its own, which may wait here for a migration.
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("SIG{} received: stopping", name);
                    received = true;
                    if (Database.migrating()) {
                        LOG.info("Stopping once the database schema migration in progress has finished");
                    }
                    Database.forbidMigrationsFromNow();
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                // The signal does not exist here (another OS) or the JVM reserves it: keep the default behaviour.
            }
        }
    }

    /** Whether a stop signal has arrived: a start-up it cut short has not failed. */
    static boolean received() {
        return received;
    }
}
