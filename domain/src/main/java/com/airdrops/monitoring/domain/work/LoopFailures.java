package com.airdrops.monitoring.domain.work;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unexpected failures of one loop, which logs them, counts them here and goes on: {@code
 * monitoring_loop_failures_total{loop}}. Thread-safe.
 */
public final class LoopFailures implements MetricsSource {
    private final String loop;
    private final AtomicLong count = new AtomicLong();

    public LoopFailures(String loop) {
        this.loop = loop;
    }

    public void failed() {
        count.incrementAndGet();
    }

    public long count() {
        return count.get();
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(new Sample(MetricCatalog.LOOP_FAILURES, Map.of("loop", loop), count.get(), now));
    }
}
