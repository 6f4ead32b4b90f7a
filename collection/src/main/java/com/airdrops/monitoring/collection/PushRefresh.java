package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.port.driven.EvaluationTrigger;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.work.LoopFailures;
import com.airdrops.monitoring.domain.work.Worker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a push count at once instead of at the next collection: after an accepted push it rebuilds the latest
 * snapshot with the pushed data, shows it on /metrics and asks the evaluation for a pass. At most one refresh a
 * second; pushes in between fold into the next one. Aggregation is not fed by refreshes, so its windows keep their
 * regular, phase-aligned samples. Each push also sets a check just past the component's {@code stale_after_seconds}:
 * if no other push came by then, the component is found silent at once, not at the next collection, so a bot that
 * died pages within its staleness limit plus one evaluation. Thread-safe.
 */
public final class PushRefresh implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushRefresh.class);
    static final Duration MIN_GAP = Duration.ofSeconds(1);
    /** How long after the staleness limit the check runs: the data must be older than the limit by then. */
    static final Duration STALE_MARGIN = Duration.ofMillis(100);

    private final MetricsCollector collector;
    private final MetricsSink exposition;
    private final EvaluationTrigger evaluation;
    private final LoopFailures failures;
    private final ScheduledExecutorService scheduler = Worker.scheduler("push-refresh");
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastNanos = System.nanoTime() - MIN_GAP.toNanos();
    private final Map<String, Duration> staleAfter;
    private final Map<String, ScheduledFuture<?>> staleChecks = new ConcurrentHashMap<>();

    /** @param staleAfter each push component's staleness limit, by name */
    public PushRefresh(
            MetricsCollector collector,
            MetricsSink exposition,
            EvaluationTrigger evaluation,
            LoopFailures failures,
            Map<String, Duration> staleAfter) {
        this.collector = collector;
        this.exposition = exposition;
        this.evaluation = evaluation;
        this.failures = failures;
        this.staleAfter = Map.copyOf(staleAfter);
    }

    /**
     * Called on the pusher's thread after {@code component} pushed: schedules a refresh unless one is already waiting,
     * moves the component's staleness check to its new limit, and returns at once.
     */
    public void pushed(String component) {
        pushed();
        Duration limit = staleAfter.get(component);
        if (limit == null) {
            return;
        }
        staleChecks.compute(component, (name, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            try {
                return scheduler.schedule(
                        this::refresh, limit.plus(STALE_MARGIN).toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                return null; // stopping
            }
        });
    }

    private void pushed() {
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
            failures.failed();
            LOG.error("Refreshing pushed data failed; the next collection reads it", e);
        }
    }

    @Override
    public void close() {
        Worker.stop(scheduler, Duration.ofSeconds(5), true);
    }
}
