package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.domain.work.Worker;
import com.airdrops.monitoring.domain.work.WorkerStop;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the serial collector's old generation near the agent's live data. That collector grows its old generation
 * instead of collecting it whenever young collections promote into a full one, so the heap, and the process with it,
 * climbs step by step to the heap bound over half an hour though the live data stays at some 16 MiB (BENCHMARKS.md,
 * soak). Once a minute this compares the old generation's committed size with what it held after its last full
 * collection; above twice that (and at least {@link #FLOOR}), it asks for a full collection, after which the
 * collector gives back what exceeds its free ratio. A full collection of the agent's heap takes tens of
 * milliseconds. Only with the serial collector (the launcher's profile); nothing with another, or when explicit
 * collections are disabled.
 */
final class HeapTrim implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeapTrim.class);
    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final long FLOOR = 24L << 20;

    private final Optional<MemoryPoolMXBean> oldGeneration;
    private final Worker worker;
    private volatile long trims;

    HeapTrim() {
        this.oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Tenured Gen"))
                .findFirst();
        this.worker = new Worker("heap-trim", Duration.ofSeconds(1), WorkerStop.INTERRUPT, self -> {
            self.park(PERIOD);
            if (self.running()) {
                trimIfGrown();
            }
        });
    }

    void start() {
        if (oldGeneration.isPresent()) {
            worker.start();
        }
    }

    /** Full collections this asked for. */
    long trims() {
        return trims;
    }

    void trimIfGrown() {
        oldGeneration.ifPresent(pool -> {
            MemoryUsage now = pool.getUsage();
            MemoryUsage afterFull = pool.getCollectionUsage();
            long live = afterFull == null ? 0 : afterFull.getUsed();
            if (now.getCommitted() > Math.max(FLOOR, 2 * live)) {
                long before = now.getCommitted();
                System.gc(); // NOPMD: the serial collector returns memory only after a full collection
                trims++;
                LOG.debug(
                        "Old generation trimmed: {} -> {} KiB committed",
                        before >> 10,
                        pool.getUsage().getCommitted() >> 10);
            }
        });
    }

    @Override
    public void close() {
        worker.close();
    }
}
