package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.lease.LeaseState;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.ClosedWindowSamples;
import com.airdrops.monitoring.domain.port.driven.EvaluationTrigger;
import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.work.Worker;
import com.airdrops.monitoring.domain.work.WorkerStop;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the alert rules every ALERT_EVALUATION_INTERVAL on the latest snapshot plus the last closed aggregation
 * window, on one thread: passes never overlap, and ticks that pass while a pass overruns are skipped and counted.
 * Alert history retention runs at most once a minute.
 */
public final class EvaluationLoop implements EvaluationTrigger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationLoop.class);
    private static final Duration RETENTION_EVERY = Duration.ofMinutes(1);

    private final Alerter alerter;
    private final LatestMetrics latest;
    private final ClosedWindowSamples closedWindow;
    private final long intervalNanos;
    private final Duration retention;
    private final Worker worker;
    private final EvaluationStats stats;
    private final InstantSource clock;
    private volatile boolean wanted;
    private final CountDownLatch firstRound = new CountDownLatch(1);
    /** When the next regular tick is due; set before the worker starts, then its own. */
    private long next;

    private final Leadership leadership;
    /** The lease as the last pass found it. The Alerter restored its state when it was built: as if leading. */
    private LeaseState lastLease = Leadership.ALONE.state();

    private long lastRetentionNanos;

    public EvaluationLoop(
            Alerter alerter,
            LatestMetrics latest,
            ClosedWindowSamples closedWindow,
            EvaluationStats stats,
            Duration interval,
            Duration retention,
            InstantSource clock) {
        this(alerter, latest, closedWindow, stats, interval, retention, clock, Leadership.ALONE);
    }

    /** @param leadership only the leader of the instance evaluates; a standby waits and restores when it leads */
    public EvaluationLoop(
            Alerter alerter,
            LatestMetrics latest,
            ClosedWindowSamples closedWindow,
            EvaluationStats stats,
            Duration interval,
            Duration retention,
            InstantSource clock,
            Leadership leadership) {
        this.leadership = leadership;
        this.alerter = alerter;
        this.latest = latest;
        this.closedWindow = closedWindow;
        this.stats = stats;
        this.clock = clock;
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("the evaluation interval must be at least 1 ms, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.retention = retention;
        this.worker = new Worker("alert-evaluation", Duration.ofSeconds(10), WorkerStop.WAKE, self -> round());
    }

    public void start() {
        next = System.nanoTime();
        worker.start();
    }

    /**
     * Waits at most {@code timeout} for the loop's first round (a pass, or standing by): the alerts shown are then
     * judged on the data at hand, not only restored. Returns whether it came.
     */
    public boolean awaitFirstRound(Duration timeout) throws InterruptedException {
        return firstRound.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void round() {
        long wait = next - System.nanoTime();
        if (wait > 0 && !wanted) {
            worker.parkNanos(wait);
            return; // re-check: parking may end early
        }
        wanted = false;
        passSafely();
        firstRound.countDown();
        if (wait <= 0) {
            // A regular tick; an extra pass asked for by fresh data leaves their schedule as it was.
            long missed = missedTicks(next, System.nanoTime(), intervalNanos);
            stats.skipped(missed);
            next += (missed + 1) * intervalNanos;
        }
    }

    /**
     * Asks for a pass as soon as the loop's thread is free, besides the regular ticks: fresh pushed data is then
     * judged at once. Requests made while a pass runs fold into one.
     */
    @Override
    public void evaluateSoon() {
        wanted = true;
        worker.wake();
    }

    private void passSafely() {
        try {
            pass();
        } catch (RuntimeException | Error e) {
            // Never let the loop die: a dead evaluation thread is an agent that looks healthy and alerts on nothing.
            stats.failed();
            LOG.error("Alert evaluation loop failed; it carries on with the next tick", e);
        }
    }

    /** How many ticks after {@code scheduled} have already passed at {@code now}: they are skipped, not run late. */
    static long missedTicks(long scheduled, long now, long intervalNanos) {
        long overrun = now - scheduled;
        return overrun < intervalNanos ? 0 : overrun / intervalNanos;
    }

    void pass() {
        LeaseState lease = leadership.state();
        LeaseState before = lastLease;
        lastLease = lease;
        stats.lease(lease, clock.instant()); // a standby is healthy: it is not supposed to evaluate
        if (!lease.leads()) {
            standBy(before);
            return;
        }
        if (!before.leads()) {
            LOG.info("Leading this instance: restoring alert state from the database and evaluating");
            alerter.restore();
        }
        Optional<MetricsSnapshot> snapshot = latest.latest();
        if (snapshot.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            List<Sample> input = new ArrayList<>(snapshot.get().samples());
            input.addAll(closedWindow.lastClosedWindow());
            alerter.evaluateRules(input, snapshot.get().silent());
            stats.completed(clock.instant());
            if (started - lastRetentionNanos > RETENTION_EVERY.toNanos() || lastRetentionNanos == 0) {
                lastRetentionNanos = started;
                applyRetention();
            }
        } catch (FencedException e) {
            // Another agent of this instance took over during the pass: the next pass stands by. Not a failure.
            LOG.info("Alert evaluation stopped: {}", e.getMessage());
        } catch (RuntimeException e) {
            stats.failed();
            LOG.error("Alert evaluation failed; the next pass runs as scheduled", e);
        } finally {
            stats.passed((System.nanoTime() - started) / 1e9);
        }
    }

    /** Once a minute at most; a database that cannot be reached skips it (the pass itself went well). */
    private void applyRetention() {
        try {
            long deleted = alerter.applyRetention(retention);
            if (deleted > 0) {
                LOG.info("Deleted {} alert history rows older than {} h", deleted, retention.toHours());
            }
        } catch (FencedException e) {
            throw e;
        } catch (PersistenceException e) {
            LOG.warn("Alert history retention skipped until the next minute: {}", e.getMessage());
        }
    }

    private void standBy(LeaseState before) {
        if (before.leads()) {
            alerter.standBy();
            LOG.info(
                    "Standing by: this agent does not hold its instance's lease (see the leadership check); no evaluation here until it does");
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
