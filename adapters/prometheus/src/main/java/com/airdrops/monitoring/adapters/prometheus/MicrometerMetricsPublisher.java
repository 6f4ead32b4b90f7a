package com.airdrops.monitoring.adapters.prometheus;

import com.airdrops.monitoring.domain.model.metric.MetricType;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Observation;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.ExpositionBody;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import com.airdrops.monitoring.domain.port.driving.MetricsExposition;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors each published snapshot into a {@link PrometheusMeterRegistry}: one meter per series, registered when the
 * series first appears and removed when a snapshot no longer carries it; observations feed cumulative histograms.
 *
 * <p>The agent's own figures ({@code monitoring_alerts}, {@code monitoring_notifications_total}, ...) are read again
 * from their live sources at every scrape and after every publish, so /metrics never lags a collection interval
 * behind the API, and a counter never steps back to an older snapshot's value.
 *
 * <p>Two registries keep scrapes cheap: the collected series change only when a snapshot is published, so their text
 * is rendered at most once per publish and format and then served from memory, with the JVM's and the process's
 * metrics (so those are as fresh as the last collection). The live registry (the agent's own figures) is read at
 * every scrape but rendered again only when one of its values changed since it was last rendered: between two
 * collections, most scrapes render nothing and allocate little. A name is in one registry or the other, never both,
 * so the two parts join into one valid exposition. Thread-safe: mirroring a snapshot and scraping are serialised; the
 * render of the collected part after a publish runs beside scrapes ({@link CollectedPart}).
 *
 * <p>Scrapes that come together share one read of the live sources: a read serves every scrape that had asked before
 * it began, so a scrape still sees every change made before it asked, and sixteen scrapers at once read the sources
 * about as often as one. Waiting scrapes are parked, not spinning: under load the lock was contended at most scrapes,
 * and a monitor's spinning took the CPU from the scrape that held it.
 */
public final class MicrometerMetricsPublisher implements MetricsSink, MetricsExposition, AutoCloseable {
    /** The snapshots' series and the JVM's, rendered once per publish and format scraped. */
    private final PrometheusMeterRegistry registry;
    /** The agent's own figures, read at every scrape. */
    private final PrometheusMeterRegistry liveRegistry;

    private final Map<SeriesKey, MeterSeries> series = new HashMap<>();
    private final Map<SeriesKey, MeterSeries> liveSeries = new HashMap<>();
    /** The names the live sources report: a snapshot's samples of these names are left to the live registry. */
    private final Set<String> liveNames = new HashSet<>();

    private final CollectedPart collected;
    /** The live part per format, rendered since its values last changed. */
    private final Map<ExpositionFormat, byte[]> liveRendered = new EnumMap<>(ExpositionFormat.class);
    /** The refusal count the live part was rendered with: it is one of the live part's values. */
    private long liveRenderedRefusals = -1;

    private final Map<SeriesKey, Timer> histograms = new HashMap<>();

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetricsPublisher.class);
    static final String REJECTED = Refusals.REJECTED;

    private final Refusals refusals = new Refusals();
    private final Map<String, MetricType> families = new HashMap<>();

    private volatile List<MetricsSource> live;
    /** Serialises mirroring, reading the live sources and rendering the live part. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Scrapes that have asked so far. */
    private final AtomicLong asked = new AtomicLong();
    /** The scrapes the last read of the live sources serves: those that had asked before it began. Under the lock. */
    private long readFor;

    private final InstantSource clock;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public MicrometerMetricsPublisher() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(), InstantSource.system());
    }

    /**
     * The agent's exposition: reads {@code live} at every scrape and adds Micrometer's JVM and process metrics
     * ({@code jvm_memory_*}, {@code jvm_gc_*}, {@code jvm_threads_*}, {@code process_cpu_usage},
     * {@code process_uptime_seconds}, {@code process_files_open_files}, ...), without the two that break Prometheus'
     * naming rules.
     */
    public static MicrometerMetricsPublisher withJvmMetrics(List<MetricsSource> live, InstantSource clock) {
        MicrometerMetricsPublisher publisher =
                new MicrometerMetricsPublisher(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), live, clock);
        // With the collected series: read once per collection, which is as fresh as a scrape needs them.
        publisher.closeables.add(JvmMeters.bindTo(publisher.registry));
        return publisher;
    }

    /** Stops the GC listener the JVM metrics registered; the exposition keeps answering. */
    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed: {}", closeable, e.toString());
            }
        }
    }

    /**
     * @param live the sources read at every scrape: the services' own counters and gauges, which the snapshots carry
     *     too
     */
    public MicrometerMetricsPublisher(PrometheusMeterRegistry registry, List<MetricsSource> live, InstantSource clock) {
        this.registry = registry;
        this.collected = new CollectedPart(registry);
        this.liveRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.live = List.copyOf(live);
        this.clock = clock;
        // The registry drops a meter whose name another meter holds with other label names, without a word: count it.
        registry.config().onMeterRegistrationFailed((id, reason) -> refusals.refuse(id.getName(), reason));
        liveRegistry.config().onMeterRegistrationFailed((id, reason) -> refusals.refuse(id.getName(), reason));
        refusals.register(liveRegistry, families);
    }

    /**
     * Mirrors {@code snapshot}. A series the registry refuses (its name clashes with another meter's) is skipped,
     * counted and logged once per name: it never keeps the rest of the snapshot from /metrics.
     */
    @Override
    public void publish(MetricsSnapshot snapshot) {
        mirror(snapshot);
        collected.renderChanged(); // outside the lock: scrapes meanwhile are answered from the previous collection
    }

    private void mirror(MetricsSnapshot snapshot) {
        lock.lock();
        try {
            mirrorLocked(snapshot);
        } finally {
            lock.unlock();
        }
    }

    private void mirrorLocked(MetricsSnapshot snapshot) {
        refreshLive(); // learns the live names first: their samples are the live registry's
        Set<SeriesKey> seen = new HashSet<>();
        for (Sample sample : snapshot.samples()) {
            if (liveNames.contains(sample.name())) {
                continue;
            }
            if (Meters.family(sample.name()).equals(Meters.family(REJECTED))) {
                // The live registry's own counter: the sample is refused there, and counted.
                set(sample, liveSeries, liveRegistry);
                continue;
            }
            SeriesKey key = set(sample, series, registry);
            if (key != null) {
                seen.add(key);
            }
        }
        for (Observation observation : snapshot.observations()) {
            SeriesKey key = new SeriesKey(observation.name(), observation.labels());
            try {
                histograms
                        .computeIfAbsent(key, newKey -> Meters.histogram(newKey, registry))
                        .record(Duration.ofNanos(Math.round(observation.value() * 1e9)));
            } catch (IllegalArgumentException e) {
                refuse(key, e);
            }
        }
        Iterator<Map.Entry<SeriesKey, MeterSeries>> entries = series.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<SeriesKey, MeterSeries> entry = entries.next();
            if (!seen.contains(entry.getKey())) {
                registry.remove(entry.getValue().meter());
                entries.remove();
            }
        }
        collected.published();
    }

    /** Sets one series, registering it on first sight; returns its key, or null when the registry refuses it. */
    private SeriesKey set(Sample sample, Map<SeriesKey, MeterSeries> into, PrometheusMeterRegistry target) {
        SeriesKey key = new SeriesKey(sample.name(), sample.labels());
        try {
            MeterSeries meter = into.get(key);
            boolean changed = meter == null;
            if (meter == null) {
                meter = Meters.series(key, target, families);
                into.put(key, meter);
            }
            changed |= meter.set(sample.value());
            if (changed && target == liveRegistry) {
                liveRendered.clear();
            }
            return key;
        } catch (IllegalArgumentException e) {
            refuse(key, e);
            return null;
        }
    }

    /** Adds the live sources of parts that joined after the exposition started (the database half). */
    public void addLiveSources(List<MetricsSource> joined) {
        lock.lock();
        try {
            List<MetricsSource> all = new ArrayList<>(live);
            all.addAll(joined);
            live = List.copyOf(all);
            readFor = 0; // the next scrape reads the new sources too
        } finally {
            lock.unlock();
        }
    }

    /** Reads the live sources now; one that fails keeps its last values and never spoils the scrape. */
    private void refreshLive() {
        long askedBefore = asked.get();
        Instant now = clock.instant();
        for (MetricsSource source : live) {
            try {
                for (Sample sample : source.samples(now)) {
                    if (liveNames.add(sample.name())) {
                        forgetCollected(sample.name()); // a name first seen in a snapshot moves to the live part
                    }
                    set(sample, liveSeries, liveRegistry);
                }
            } catch (RuntimeException e) {
                LOG.debug("Live metrics source {} failed: {}", source.getClass().getSimpleName(), e.toString());
            }
        }
        readFor = askedBefore;
    }

    private void forgetCollected(String name) {
        Iterator<Map.Entry<SeriesKey, MeterSeries>> entries = series.entrySet().iterator();
        boolean removed = false;
        while (entries.hasNext()) {
            Map.Entry<SeriesKey, MeterSeries> entry = entries.next();
            if (entry.getKey().name().equals(name)) {
                registry.remove(entry.getValue().meter());
                entries.remove();
                removed = true;
            }
        }
        if (removed) {
            families.remove(Meters.family(name));
            collected.invalidated();
        }
    }

    private void refuse(SeriesKey key, IllegalArgumentException e) {
        refusals.refuse(key.name(), e.getMessage());
    }

    /**
     * The collected part as rendered since the last publish, and the live part read now: rendered again only when a
     * live value changed, so scrapes between changes allocate neither part.
     */
    @Override
    public ExpositionBody expose(ExpositionFormat format) {
        long ticket = asked.incrementAndGet();
        lock.lock();
        try {
            if (readFor < ticket) {
                refreshLive(); // else a read that began after this scrape asked has just served it
            }
            long refused = refusals.count();
            if (refused != liveRenderedRefusals) {
                liveRenderedRefusals = refused; // read before rendering: a refusal during it renders again next time
                liveRendered.clear();
            }
            byte[] live = liveRendered.get(format); // (not computeIfAbsent: its lambda is an allocation a scrape)
            if (live == null) {
                live = liveRegistry.scrape(format.contentType()).getBytes(StandardCharsets.UTF_8);
                liveRendered.put(format, live);
            }
            return new ExpositionBody(collected.bytes(format), live);
        } finally {
            lock.unlock();
        }
    }
}
