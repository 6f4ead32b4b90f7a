package com.airdrops.monitoring.aggregation;

import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;
import com.airdrops.monitoring.domain.port.driven.ClosedWindowSamples;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.AggregatedMetricsQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates samples into tumbling windows aligned to multiples of the window size: per series (name and labels) and per closed window, one
 * {@link AggregatedMetric} per function named {@code <metric>_<function>}, stamped with the window's end.
 *
 * <p>A window closes when a snapshot from a later window arrives. Memory is bounded: at most {@code maxSeries}
 * series (samples of further series are dropped), series idle for two windows are forgotten, snapshots wait in a
 * buffer of {@code bufferMaxSize} (the oldest is dropped when it is full), and the store bounds the aggregates. Every
 * drop is counted and reported through {@link #samples(Instant)}.
 *
 * <p>Thread-safe: {@link #publish} may be called from any thread; snapshots are processed one at a time.
 */
public final class MetricsAggregator
        implements MetricsSink, AggregatedMetricsQuery, ClosedWindowSamples, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsAggregator.class);

    private final AggregateStore store;
    private final long windowMillis;
    private final long retentionMillis;
    private final int maxSeries;
    private final AggregationFunction[] functions;

    private final Map<String, Map<Map<String, String>, SeriesWindow>> series = new HashMap<>();
    private volatile int seriesCount;
    private long currentWindow = SeriesWindow.NO_WINDOW;
    private final List<AggregatedMetric> closed = new ArrayList<>();
    private volatile List<Sample> lastClosedWindow = List.of();

    private final SnapshotBuffer buffer;
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong overSeriesLimit = new AtomicLong();
    private final AtomicLong notFinite = new AtomicLong();
    private final AtomicLong evictedSeries = new AtomicLong();
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();

    public MetricsAggregator(AggregationSettings settings, AggregateStore store) {
        this.store = store;
        this.windowMillis = settings.window().toMillis();
        this.retentionMillis = settings.retention().toMillis();
        this.buffer = new SnapshotBuffer(settings.bufferMaxSize());
        this.maxSeries = settings.maxSeries();
        this.functions = settings.functions().toArray(AggregationFunction[]::new);
    }

    /** Queues a snapshot for {@link #processBuffered}; when the buffer is full the oldest snapshot is dropped. */
    @Override
    public void publish(MetricsSnapshot snapshot) {
        buffer.add(snapshot);
    }

    /** Processes every buffered snapshot, waiting up to {@code maxWait} for the first; returns how many it took. */
    public int processBuffered(Duration maxWait) throws InterruptedException {
        List<MetricsSnapshot> taken = buffer.takeAll(maxWait);
        for (MetricsSnapshot snapshot : taken) {
            processMetrics(snapshot);
        }
        return taken.size();
    }

    /**
     * Aggregates one snapshot at once  and returns the aggregates of the windows
     * it closed, which are also stored.
     */
    public synchronized List<AggregatedMetric> processMetrics(MetricsSnapshot snapshot) {
        advanceTo(snapshot.timestamp());
        for (Sample sample : snapshot.samples()) {
            ingest(sample);
        }
        List<AggregatedMetric> result = List.copyOf(closed);
        closed.clear();
        if (!result.isEmpty()) {
            emitted.addAndGet(result.size());
            try {
                store.append(result);
            } catch (RuntimeException e) {
                // The store (a database) failed: these aggregates are lost for queries, but aggregation goes on.
                storeFailures.addAndGet(result.size());
                LOG.error("Storing {} aggregates failed: {}", result.size(), e.getMessage());
            }
            lastClosedWindow = result.stream()
                    .map(aggregate -> new Sample(
                            aggregate.metricName(), aggregate.labels(), aggregate.value(), aggregate.timestamp()))
                    .toList();
        }
        return result;
    }

    @Override
    public List<AggregatedMetric> getAggregatedMetrics(Instant start, Instant end, String nameFilter, int limit) {
        return store.query(start, end, nameFilter == null ? "" : nameFilter, limit);
    }

    /**
     * The aggregates of the most recently closed window, as samples named {@code <metric>_<function>}: alert rules on
     * aggregates are evaluated on these.
     */
    @Override
    public List<Sample> lastClosedWindow() {
        return lastClosedWindow;
    }

    /** The number of series currently tracked. */
    public int seriesCount() {
        return seriesCount;
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(
                Sample.of(MetricCatalog.AGGREGATION_SERIES, seriesCount, now),
                dropped("late", late, now),
                dropped("series_limit", overSeriesLimit, now),
                dropped("not_finite", notFinite, now),
                Sample.of(MetricCatalog.AGGREGATION_DROPPED_SNAPSHOTS, buffer.dropped(), now),
                Sample.of(MetricCatalog.AGGREGATION_BUFFERED_SNAPSHOTS, buffer.size(), now),
                Sample.of(MetricCatalog.AGGREGATION_EVICTED_SERIES, evictedSeries.get(), now),
                Sample.of(MetricCatalog.AGGREGATES_EMITTED, emitted.get(), now),
                Sample.of(MetricCatalog.AGGREGATES_EXPIRED, expired.get(), now),
                Sample.of(MetricCatalog.AGGREGATES_STORE_FAILURES, storeFailures.get(), now));
    }

    private static Sample dropped(String reason, AtomicLong counter, Instant now) {
        return new Sample(MetricCatalog.AGGREGATION_DROPPED_SAMPLES, Map.of("reason", reason), counter.get(), now);
    }

    /** Closes every window that ends at or before the window of {@code now}, forgets idle series, applies retention. */
    private void advanceTo(Instant now) {
        long window = windowStart(now.toEpochMilli());
        if (currentWindow != SeriesWindow.NO_WINDOW && window <= currentWindow) {
            return;
        }
        currentWindow = window;
        Iterator<Map<Map<String, String>, SeriesWindow>> byName =
                series.values().iterator();
        while (byName.hasNext()) {
            Map<Map<String, String>, SeriesWindow> byLabels = byName.next();
            Iterator<SeriesWindow> windows = byLabels.values().iterator();
            while (windows.hasNext()) {
                SeriesWindow seriesWindow = windows.next();
                if (seriesWindow.isOpen() && seriesWindow.windowStart < window) {
                    seriesWindow.close(windowEnd(seriesWindow.windowStart), closed);
                }
                if (!seriesWindow.isOpen() && seriesWindow.lastActiveWindow < window - windowMillis) {
                    windows.remove();
                    seriesCount--;
                    evictedSeries.incrementAndGet();
                }
            }
            if (byLabels.isEmpty()) {
                byName.remove();
            }
        }
        try {
            expired.addAndGet(store.deleteOlderThan(Instant.ofEpochMilli(now.toEpochMilli() - retentionMillis)));
        } catch (RuntimeException e) {
            LOG.error("Applying aggregate retention failed; retried at the next window: {}", e.getMessage());
        }
    }

    private void ingest(Sample sample) {
        double value = sample.value();
        if (!Double.isFinite(value)) {
            notFinite.incrementAndGet();
            return;
        }
        long timestamp = sample.timestamp().toEpochMilli();
        long window = windowStart(timestamp);
        if (window < currentWindow) {
            late.incrementAndGet();
            return;
        }
        SeriesWindow seriesWindow = find(sample.name(), sample.labels());
        if (seriesWindow == null) {
            return;
        }
        if (!seriesWindow.isOpen()) {
            seriesWindow.open(window);
        } else if (window > seriesWindow.windowStart) {
            // A sample ahead of the snapshot's window: the series' own window is over.
            seriesWindow.close(windowEnd(seriesWindow.windowStart), closed);
            seriesWindow.open(window);
        }
        seriesWindow.add(value, timestamp);
    }

    private SeriesWindow find(String name, Map<String, String> labels) {
        Map<Map<String, String>, SeriesWindow> byLabels = series.get(name);
        SeriesWindow found = byLabels == null ? null : byLabels.get(labels);
        if (found != null) {
            return found;
        }
        if (seriesCount >= maxSeries) {
            overSeriesLimit.incrementAndGet();
            return null;
        }
        if (byLabels == null) {
            byLabels = new HashMap<>();
            series.put(name, byLabels);
        }
        SeriesWindow created = new SeriesWindow(name, labels, functions);
        byLabels.put(labels, created);
        seriesCount++;
        return created;
    }

    private long windowStart(long epochMillis) {
        return Math.floorDiv(epochMillis, windowMillis) * windowMillis;
    }

    private Instant windowEnd(long windowStart) {
        return Instant.ofEpochMilli(windowStart + windowMillis);
    }
}
