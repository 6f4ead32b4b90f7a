package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.lease.LeaseState;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the evaluation loop's passes, skipped ticks and last pass duration, and reports them as samples. Thread-safe. */
public final class EvaluationStats implements MetricsSource {
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile double lastDurationSeconds;
    private volatile Instant lastCompleted;
    /** The lease as the last pass found it; null before the first. */
    private volatile LeaseState lease;

    void passed(double durationSeconds) {
        passes.incrementAndGet();
        lastDurationSeconds = durationSeconds;
    }

    /** The lease as a pass found it: a pass that stands by (this agent does not lead) completes by doing nothing. */
    void lease(LeaseState state, Instant at) {
        this.lease = state;
        if (!state.leads()) {
            lastCompleted = at;
        }
    }

    /** The lease as the last pass found it; empty before the first. */
    public Optional<LeaseState> lease() {
        return Optional.ofNullable(lease);
    }

    void completed(Instant at) {
        lastCompleted = at;
    }

    void failed() {
        failures.incrementAndGet();
    }

    /** When the last pass completed without failing; empty before the first. */
    public Optional<Instant> lastCompleted() {
        return Optional.ofNullable(lastCompleted);
    }

    void skipped(long ticks) {
        skipped.addAndGet(ticks);
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(
                Sample.of(MetricCatalog.ALERT_EVALUATIONS, passes.get(), now),
                Sample.of(MetricCatalog.ALERT_EVALUATIONS_SKIPPED, skipped.get(), now),
                Sample.of(MetricCatalog.ALERT_EVALUATION_DURATION, lastDurationSeconds, now),
                new Sample(MetricCatalog.LOOP_FAILURES, Map.of("loop", "evaluation"), failures.get(), now));
    }
}
