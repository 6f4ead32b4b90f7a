package com.airdrops.monitoring.bootstrap;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into {@code System.exit(0)}: the shutdown hooks still run (the agent stops cleanly), and
 * the process then reports success, where the JVM's default would be 143 or 130, which systemd counts as a failure.
 * The JDK has no public API for this; {@code sun.misc.Signal} is in {@code jdk.unsupported}, which exists for it.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {}

    static void exitCleanlyOn(String... signals) {
        for (String name : signals) {
            try {
                Signal.handle(
                        new Signal(name),
                        signal -> Thread.ofPlatform()
                                .name("stop-" + name.toLowerCase(Locale.ROOT))
                                .start(() -> {
                                    LOG.info("SIG{} received: stopping", name);
                                    System.exit(0);
                                }));
            } catch (IllegalArgumentException e) {
                // The signal does not exist here (another OS) or the JVM reserves it: keep the default behaviour.
            }
        }
    }
}
