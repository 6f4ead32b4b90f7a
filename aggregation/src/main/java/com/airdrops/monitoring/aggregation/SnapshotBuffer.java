package com.airdrops.monitoring.aggregation;

import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bounded queue of snapshots between collection and aggregation: a full buffer drops its oldest snapshot (and
 * counts it), so a slow aggregation never holds collection up. Thread-safe.
 */
final class SnapshotBuffer {
    private final ArrayDeque<MetricsSnapshot> buffer = new ArrayDeque<>();
    private final int maxSize;
    private long dropped;

    SnapshotBuffer(int maxSize) {
        this.maxSize = maxSize;
    }

    synchronized void add(MetricsSnapshot snapshot) {
        if (buffer.size() >= maxSize) {
            buffer.removeFirst();
            dropped++;
        }
        buffer.addLast(snapshot);
        notifyAll();
    }

    /** Every buffered snapshot, oldest first, waiting up to {@code maxWait} for the first; empty after the wait. */
    synchronized List<MetricsSnapshot> takeAll(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (buffer.isEmpty()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return List.of();
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        List<MetricsSnapshot> taken = new ArrayList<>(buffer);
        buffer.clear();
        return taken;
    }

    synchronized int size() {
        return buffer.size();
    }

    /** Snapshots dropped because the buffer was full. */
    synchronized long dropped() {
        return dropped;
    }
}
