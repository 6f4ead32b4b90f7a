package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.work.LoopFailures;
import com.airdrops.monitoring.domain.work.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a collection cycle at start and then every interval, handing each snapshot to every sink. A failing sink is
 * logged and never stops the loop or the other sinks. Thread-safe.
 *
 * <p>After the first cycle, ticks are phase-aligned to the middle of each interval slot of the wall clock
 * ({@code (k + 1/2) * interval}): aggregation windows are multiples of their size, so with a window that is a multiple
 * of the interval every window receives the same number of samples, each half an interval away from its edges,
 * whatever the scheduling jitter.
 */
public final class CollectionLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionLoop.class);

    private final MetricsCollector collector;
    private volatile List<MetricsSink> sinks;
    private final Duration interval;
    private final LoopFailures failures;
    private final ScheduledExecutorService scheduler = Worker.scheduler("collection");

    /** @param failures counts cycles and sinks that failed; shared with the push refresh, which collects too */
    public CollectionLoop(
            MetricsCollector collector, List<MetricsSink> sinks, Duration interval, LoopFailures failures) {
        this.failures = failures;
        this.collector = collector;
        this.sinks = List.copyOf(sinks);
        this.interval = interval;
    }

    /** Adds the sinks of parts that joined after collection started (the database half): from the next cycle on. */
    public synchronized void addSinks(List<MetricsSink> joined) {
        List<MetricsSink> all = new ArrayList<>(sinks);
        all.addAll(joined);
        sinks = List.copyOf(all);
    }

    public void start() {
        scheduler.execute(this::cycle);
        scheduler.scheduleAtFixedRate(
                this::cycle,
                delayToNextSlotMiddle(System.currentTimeMillis(), interval.toNanos()),
                interval.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Nanoseconds from {@code nowMillis} to the next instant {@code (k + 1/2) * interval} of the epoch. */
    static long delayToNextSlotMiddle(long nowMillis, long intervalNanos) {
        long nowNanos = nowMillis * 1_000_000L;
        long phase = Math.floorMod(nowNanos - intervalNanos / 2, intervalNanos);
        long delay = intervalNanos - phase;
        return delay == intervalNanos ? 0 : delay;
    }

    /**
     * Runs one cycle now, on the loop's own thread (so never beside a scheduled one), and returns its snapshot; empty
     * when the cycle failed (logged and counted as any cycle) or did not end within {@code timeout}.
     */
    public Optional<MetricsSnapshot> collectNow(Duration timeout) {
        Future<Optional<MetricsSnapshot>> run;
        try {
            run = scheduler.submit(this::cycle);
        } catch (RejectedExecutionException e) {
            return Optional.empty(); // stopped
        }
        try {
            return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("A collection asked for in-process did not end within {} ms", timeout.toMillis());
            return Optional.empty();
        }
    }

    Optional<MetricsSnapshot> cycle() {
        try {
            MetricsSnapshot snapshot = collector.collectAllMetrics();
            for (MetricsSink sink : sinks) {
                try {
                    sink.publish(snapshot);
                } catch (RuntimeException e) {
                    failures.failed();
                    LOG.error(
                            "Sink {} failed to take a snapshot", sink.getClass().getSimpleName(), e);
                }
            }
            return Optional.of(snapshot);
        } catch (RuntimeException | Error e) {
            // Never let anything escape: it would cancel every later run of the scheduled task.
            failures.failed();
            LOG.error("Collection cycle failed; the next one runs as scheduled", e);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        Worker.stop(scheduler, Duration.ofSeconds(5), false);
    }
}
