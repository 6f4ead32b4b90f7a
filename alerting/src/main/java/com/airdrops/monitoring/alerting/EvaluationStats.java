package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the evaluation loop's passes, skipped ticks and last pass duration, and reports them as samples. Thread-safe. */
public final class EvaluationStats implements MetricsSource {
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile double lastDurationSeconds;

    void passed(double durationSeconds) {
        passes.incrementAndGet();
        lastDurationSeconds = durationSeconds;
    }

    void skipped(long ticks) {
        skipped.addAndGet(ticks);
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(
                Sample.of(MetricCatalog.ALERT_EVALUATIONS, passes.get(), now),
                Sample.of(MetricCatalog.ALERT_EVALUATIONS_SKIPPED, skipped.get(), now),
                Sample.of(MetricCatalog.ALERT_EVALUATION_DURATION, lastDurationSeconds, now));
    }
}
