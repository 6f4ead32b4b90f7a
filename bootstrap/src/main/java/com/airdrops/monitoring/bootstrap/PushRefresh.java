package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.alerting.EvaluationLoop;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a push count at once instead of at the next collection: after an accepted push it rebuilds the latest
 * snapshot with the pushed data, shows it on /metrics and asks the evaluation loop for a pass. At most one refresh a
 * second; pushes in between fold into the next one. Aggregation is not fed by refreshes, so its windows keep their
 * regular, phase-aligned samples.
 */
final class PushRefresh implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushRefresh.class);
    static final Duration MIN_GAP = Duration.ofSeconds(1);

    private final MetricsCollector collector;
    private final MetricsSink exposition;
    private final EvaluationLoop evaluation;
    private final LoopFailures failures;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("push-refresh").daemon(true).unstarted(runnable));
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastNanos = System.nanoTime() - MIN_GAP.toNanos();

    PushRefresh(MetricsCollector collector, MetricsSink exposition, EvaluationLoop evaluation, LoopFailures failures) {
        this.collector = collector;
        this.exposition = exposition;
        this.evaluation = evaluation;
        this.failures = failures;
    }

    /** Called on the pusher's thread: schedules a refresh unless one is already waiting, and returns at once. */
    void pushed() {
        if (scheduled.compareAndSet(false, true)) {
            long delay = Math.max(0, lastNanos + MIN_GAP.toNanos() - System.nanoTime());
            try {
                scheduler.schedule(this::refresh, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // stopping: the push is still kept for the next (or last) collection
            }
        }
    }

    private void refresh() {
        scheduled.set(false); // a push from now on is newer than what this refresh reads
        lastNanos = System.nanoTime();
        try {
            collector.refreshPushed().ifPresent(snapshot -> {
                exposition.publish(snapshot);
                evaluation.evaluateSoon();
            });
        } catch (RuntimeException e) {
            failures.collectionFailed();
            LOG.error("Refreshing pushed data failed; the next collection reads it", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
