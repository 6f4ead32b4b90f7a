package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Unexpected failures of the collection and aggregation loops, which log, count here and go on. Thread-safe. */
final class LoopFailures implements MetricsSource {
    private final AtomicLong collection = new AtomicLong();
    private final AtomicLong aggregation = new AtomicLong();

    void collectionFailed() {
        collection.incrementAndGet();
    }

    void aggregationFailed() {
        aggregation.incrementAndGet();
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(
                new Sample(MetricCatalog.LOOP_FAILURES, Map.of("loop", "collection"), collection.get(), now),
                new Sample(MetricCatalog.LOOP_FAILURES, Map.of("loop", "aggregation"), aggregation.get(), now));
    }
}
