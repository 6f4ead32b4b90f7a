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
 * instead of collecting it whenever a young collection finds it full, so the heap, and the process with it, climbs
 * step by step to the heap bound over half an hour though the live data stays at some 16 MiB (BENCHMARKS.md, soak).
 * Every {@link #PERIOD} this looks at the old generation (see {@link #shouldCollect}) and asks for a full collection
 * before the collector would grow it, or after it has grown to twice the live data; after one, the collector gives
 * back what exceeds its free ratio. A full collection of the agent's heap takes some 35 ms, about once every few
 * minutes under load. Only with the serial collector (the launcher's profile); nothing with another, or when explicit
 * collections are disabled.
 */
final class HeapTrim implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeapTrim.class);
    private static final Duration PERIOD = Duration.ofSeconds(5);
    private static final long FLOOR = 24L << 20;

    private final Optional<MemoryPoolMXBean> oldGeneration;
    private final Worker worker;
    private long settled;

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

    void trimIfGrown() {
        oldGeneration.ifPresent(pool -> {
            MemoryUsage now = pool.getUsage();
            MemoryUsage afterFull = pool.getCollectionUsage();
            long live = afterFull == null ? 0 : afterFull.getUsed();
            if (shouldCollect(now.getCommitted(), now.getUsed(), live, settled)) {
                long before = now.getCommitted();
                System.gc(); // NOPMD: the serial collector returns memory only after a full collection
                settled = pool.getUsage().getCommitted();
                LOG.debug("Old generation trimmed: {} -> {} KiB committed", before >> 10, settled >> 10);
            }
        });
    }

    /**
     * Whether to ask for a full collection of an old generation of {@code committed} bytes holding {@code used}, of
     * which {@code live} survived the last full collection (0 before the first), and which measured {@code settled}
     * after the last collection asked for here (0 before the first). Never below {@link #FLOOR}, where the collector's
     * own growth is the start-up's. Above it: when the generation has grown past twice the live data and past its size
     * after the last collection asked for (one that did not shrink it, such as a large {@code -Xms}, is not repeated),
     * or when it is nearly full (85 %) of what is mostly garbage (at least a quarter of it above the live data): the
     * collector would grow it at the next promotion. A generation full of live data is left to grow.
     */
    static boolean shouldCollect(long committed, long used, long live, long settled) {
        if (committed < FLOOR) {
            return false;
        }
        boolean grown = committed > 2 * live && committed > settled;
        boolean nearlyFullOfGarbage = used >= committed / 100 * 85 && used - live >= committed / 4;
        return grown || nearlyFullOfGarbage;
    }

    @Override
    public void close() {
        worker.close();
    }
}
