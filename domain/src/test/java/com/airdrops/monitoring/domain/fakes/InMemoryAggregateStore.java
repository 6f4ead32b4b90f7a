package com.airdrops.monitoring.domain.fakes;

import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Aggregates in memory, oldest first, holding at most {@code maxEntries}: past that the oldest are dropped and
 * counted. Aggregates arrive window by window, so the deque stays ordered by timestamp. Thread-safe.
 */
public final class InMemoryAggregateStore implements AggregateStore, MetricsSource {
    private final int maxEntries;
    private final ArrayDeque<AggregatedMetric> entries = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();

    public InMemoryAggregateStore(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be > 0");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized void append(List<AggregatedMetric> aggregates) {
        entries.addAll(aggregates);
        while (entries.size() > maxEntries) {
            entries.removeFirst();
            dropped.incrementAndGet();
        }
    }

    @Override
    public synchronized List<AggregatedMetric> query(Instant start, Instant end, String nameFilter, int limit) {
        List<AggregatedMetric> result = new ArrayList<>();
        Iterator<AggregatedMetric> iterator = entries.iterator();
        while (iterator.hasNext() && result.size() < limit) {
            AggregatedMetric aggregate = iterator.next();
            if (aggregate.timestamp().isAfter(end)) {
                break;
            }
            if (!aggregate.timestamp().isBefore(start) && aggregate.metricName().contains(nameFilter)) {
                result.add(aggregate);
            }
        }
        return result;
    }

    @Override
    public synchronized long deleteOlderThan(Instant cutoff) {
        long removed = 0;
        while (!entries.isEmpty() && entries.peekFirst().timestamp().isBefore(cutoff)) {
            entries.removeFirst();
            removed++;
        }
        return removed;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Aggregates dropped because the store was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(
                Sample.of(MetricCatalog.AGGREGATES_STORED, size(), now),
                Sample.of(MetricCatalog.AGGREGATES_DROPPED, dropped(), now));
    }
}
