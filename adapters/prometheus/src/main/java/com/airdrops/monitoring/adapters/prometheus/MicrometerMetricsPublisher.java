package com.airdrops.monitoring.adapters.prometheus;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.MetricDescriptor;
import com.airdrops.monitoring.domain.model.metric.MetricType;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Observation;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import com.airdrops.monitoring.domain.port.driving.MetricsExposition;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
 * metrics (so those are as fresh as the last collection); only the live registry (the agent's own figures) is rendered
 * at every scrape. A name is in one registry or the other, never both, so the
 * two parts join into one valid exposition. Thread-safe: publishing and reading the live sources are serialised.
 */
public final class MicrometerMetricsPublisher implements MetricsSink, MetricsExposition, AutoCloseable {
    private static final String EOF_LINE = "# EOF\n";

    /** The snapshots' series and the JVM's, rendered once per publish. */
    private final PrometheusMeterRegistry registry;
    /** The agent's own figures, rendered at every scrape. */
    private final PrometheusMeterRegistry liveRegistry;
    /** Bucket bounds of every histogram, seconds: from a fast in-process read to a probe at a 10 s timeout. */
    private static final Duration[] BUCKETS = Stream.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
            .map(seconds -> Duration.ofNanos(Math.round(seconds * 1e9)))
            .toArray(Duration[]::new);

    private final Map<SeriesKey, Series> series = new HashMap<>();
    private final Map<SeriesKey, Series> liveSeries = new HashMap<>();
    /** The names the live sources report: a snapshot's samples of these names are left to the live registry. */
    private final Set<String> liveNames = new HashSet<>();
    /** The collected part of the exposition per format, rendered since the last publish; null until a scrape asks. */
    private final Map<ExpositionFormat, byte[]> rendered = new EnumMap<>(ExpositionFormat.class);

    private final Map<SeriesKey, Timer> histograms = new HashMap<>();

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetricsPublisher.class);
    static final String REJECTED = "monitoring_exposition_rejected_samples_total";

    private final AtomicLong rejected = new AtomicLong();
    private final Set<String> rejectedNames = ConcurrentHashMap.newKeySet();
    private final Map<String, MetricType> families = new HashMap<>();

    private static final Set<String> UNLINTED_BINDER_METERS = Set.of("process.cpu.time", "system.cpu.count");

    private final List<MetricsSource> live;
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
        // Two binder meters break Prometheus' naming rules (promtool check metrics flags them): the CPU time in ns
        // (process_cpu_usage says the same) and a gauge ending in _count (system_cpu_count).
        publisher.registry.config().meterFilter(MeterFilter.deny(id -> UNLINTED_BINDER_METERS.contains(id.getName())));
        JvmGcMetrics gc = new JvmGcMetrics();
        publisher.closeables.add(gc);
        for (MeterBinder binder : List.of(
                new JvmMemoryMetrics(),
                gc,
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics())) {
            // With the collected series: read once per collection, which is as fresh as a scrape needs them.
            binder.bindTo(publisher.registry);
        }
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
        this.liveRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.live = List.copyOf(live);
        this.clock = clock;
        // The registry drops a meter whose name another meter holds with other label names, without a word: count it.
        registry.config().onMeterRegistrationFailed((id, reason) -> refuse(id.getName(), reason));
        liveRegistry.config().onMeterRegistrationFailed((id, reason) -> refuse(id.getName(), reason));
        FunctionCounter.builder(REJECTED.substring(0, REJECTED.length() - "_total".length()), rejected, AtomicLong::get)
                .description("Samples the exposition refused because their name clashes with another metric's.")
                .register(liveRegistry);
        families.put(REJECTED.substring(0, REJECTED.length() - "_total".length()), MetricType.COUNTER);
    }

    /**
     * Mirrors {@code snapshot}. A series the registry refuses (its name clashes with another meter's) is skipped,
     * counted and logged once per name: it never keeps the rest of the snapshot from /metrics.
     */
    @Override
    public synchronized void publish(MetricsSnapshot snapshot) {
        refreshLive(); // learns the live names first: their samples are the live registry's
        Set<SeriesKey> seen = new HashSet<>();
        for (Sample sample : snapshot.samples()) {
            if (liveNames.contains(sample.name())) {
                continue;
            }
            if (family(sample.name()).equals(family(REJECTED))) {
                // The live registry's own counter: the sample is refused there, and counted.
                set(sample, liveSeries, liveRegistry);
                continue;
            }
            set(sample, series, registry).ifPresent(seen::add);
        }
        for (Observation observation : snapshot.observations()) {
            SeriesKey key = new SeriesKey(observation.name(), observation.labels());
            try {
                histograms
                        .computeIfAbsent(key, this::registerHistogram)
                        .record(Duration.ofNanos(Math.round(observation.value() * 1e9)));
            } catch (IllegalArgumentException e) {
                refuse(key, e);
            }
        }
        Iterator<Map.Entry<SeriesKey, Series>> entries = series.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<SeriesKey, Series> entry = entries.next();
            if (!seen.contains(entry.getKey())) {
                registry.remove(entry.getValue().meter);
                entries.remove();
            }
        }
        rendered.clear();
    }

    /** Sets one series, registering it on first sight; empty when the registry refuses it. */
    private Optional<SeriesKey> set(Sample sample, Map<SeriesKey, Series> into, PrometheusMeterRegistry target) {
        SeriesKey key = new SeriesKey(sample.name(), sample.labels());
        try {
            into.computeIfAbsent(key, newKey -> register(newKey, target)).value = sample.value();
            return Optional.of(key);
        } catch (IllegalArgumentException e) {
            refuse(key, e);
            return Optional.empty();
        }
    }

    /** Reads the live sources now; one that fails keeps its last values and never spoils the scrape. */
    private void refreshLive() {
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
    }

    private static String family(String name) {
        return name.endsWith("_total") ? stripTotal(name) : name;
    }

    private void forgetCollected(String name) {
        Iterator<Map.Entry<SeriesKey, Series>> entries = series.entrySet().iterator();
        boolean removed = false;
        while (entries.hasNext()) {
            Map.Entry<SeriesKey, Series> entry = entries.next();
            if (entry.getKey().name().equals(name)) {
                registry.remove(entry.getValue().meter);
                entries.remove();
                removed = true;
            }
        }
        if (removed) {
            families.remove(name.endsWith("_total") ? stripTotal(name) : name);
            rendered.clear();
        }
    }

    private void refuse(SeriesKey key, IllegalArgumentException e) {
        refuse(key.name(), e.getMessage());
    }

    private void refuse(String name, String reason) {
        rejected.incrementAndGet();
        if (rejectedNames.add(name)) {
            LOG.warn("Series '{}' cannot be exposed and is skipped (counted in {}): {}", name, REJECTED, reason);
        }
    }

    /**
     * The cached collected part and the live part rendered now. Only reading the live sources and the cache holds the
     * lock: concurrent scrapes render their live parts side by side (the registry is thread-safe).
     */
    @Override
    public String scrape(ExpositionFormat format) {
        return new String(scrapeBytes(format), StandardCharsets.UTF_8);
    }

    /** One array per scrape: the cached collected bytes, then the live part's. */
    @Override
    public byte[] scrapeBytes(ExpositionFormat format) {
        byte[] collected;
        synchronized (this) {
            refreshLive();
            collected = rendered.computeIfAbsent(format, this::renderCollected);
        }
        byte[] livePart = liveRegistry.scrape(format.contentType()).getBytes(StandardCharsets.UTF_8);
        byte[] whole = Arrays.copyOf(collected, collected.length + livePart.length);
        System.arraycopy(livePart, 0, whole, collected.length, livePart.length);
        return whole;
    }

    /** The collected part in {@code format}, without the OpenMetrics end marker (the live part ends the document). */
    private byte[] renderCollected(ExpositionFormat format) {
        String text = registry.scrape(format.contentType());
        return (text.endsWith(EOF_LINE) ? text.substring(0, text.length() - EOF_LINE.length()) : text)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A histogram of seconds is a Timer: a distribution summary keeps whole numbers in its buckets, so every
     * sub-second value landed in the 1 s bucket. Micrometer adds the {@code _seconds} unit back to the name.
     */
    private Timer registerHistogram(SeriesKey key) {
        MetricDescriptor descriptor = MetricCatalog.describe(key.name());
        String name = descriptor.name().endsWith("_seconds")
                ? descriptor.name().substring(0, descriptor.name().length() - "_seconds".length())
                : descriptor.name();
        return Timer.builder(name)
                .description(descriptor.help())
                .tags(tags(key))
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0])
                .maximumExpectedValue(BUCKETS[BUCKETS.length - 1])
                .register(registry);
    }

    private static Tags tags(SeriesKey key) {
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> label : key.labels().entrySet()) {
            tags = tags.and(label.getKey(), label.getValue());
        }
        return tags;
    }

    private Series register(SeriesKey key, PrometheusMeterRegistry target) {
        MetricDescriptor descriptor = MetricCatalog.describe(key.name());
        // The registry may drop a clashing meter without a word: refuse it here, where it is counted.
        String family = key.name().endsWith("_total") ? stripTotal(key.name()) : key.name();
        MetricType existing = families.putIfAbsent(family, descriptor.type());
        if (existing != null && existing != descriptor.type()) {
            throw new IllegalArgumentException("'" + key.name() + "' clashes with the "
                    + existing.name().toLowerCase(Locale.ROOT) + " '" + family + "' already exposed");
        }
        Series holder = new Series();
        Tags tags = tags(key);
        holder.meter = switch (descriptor.type()) {
            case GAUGE ->
                Gauge.builder(descriptor.name(), holder, Series::value)
                        .description(descriptor.help())
                        .tags(tags)
                        .register(target);
            // Micrometer appends _total to counters itself.
            case COUNTER ->
                FunctionCounter.builder(stripTotal(descriptor.name()), holder, Series::value)
                        .description(descriptor.help())
                        .tags(tags)
                        .register(target);
            case HISTOGRAM ->
                throw new IllegalArgumentException(
                        "'" + key.name() + "' is a histogram: publish it as observations, not samples");
        };
        return holder;
    }

    private static String stripTotal(String name) {
        return name.substring(0, name.length() - "_total".length());
    }

    private record SeriesKey(String name, Map<String, String> labels) {}

    /** Holds the latest value of one series; read by the meter on each scrape. */
    private static final class Series {
        private volatile double value;
        private Meter meter;

        double value() {
            return value;
        }
    }
}
