package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentMetrics;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Observation;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.metric.SilentSeries;
import com.airdrops.monitoring.domain.model.metric.SystemMetrics;
import com.airdrops.monitoring.domain.port.driven.HostReading;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.SystemProbe;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects host metrics through a {@link SystemProbe} and component metrics through each component's probe into
 * {@link MetricsSnapshot}s, and remembers the latest one. A failing probe is
 * logged and counted, never thrown. Thread-safe: collections are serialised.
 */
public final class MetricsCollector implements LatestMetrics, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);
    private static final String SYSTEM_SOURCE = "system";

    private final SystemProbe systemProbe;
    private final InstantSource clock;
    private final CpuUsage cpuUsage = new CpuUsage();
    private final ComponentCollector components;
    private volatile List<MetricsSource> sources;
    private long collections;
    private long systemErrors;
    private final Map<String, Long> droppedSeries = new TreeMap<>();
    private Optional<SystemMetrics> lastSystem = Optional.empty();
    private List<ComponentReading> lastReadings = List.of();
    private volatile MetricsSnapshot latest;

    public MetricsCollector(SystemProbe systemProbe, InstantSource clock) {
        this(systemProbe, List.of(), clock);
    }

    public MetricsCollector(SystemProbe systemProbe, List<ComponentRegistration> components, InstantSource clock) {
        this(systemProbe, components, List.of(), clock);
    }

    /**
     * @param sources services' own samples (drop counters, queue depths) added to every snapshot; a failing source is
     *                logged and skipped
     */
    public MetricsCollector(
            SystemProbe systemProbe,
            List<ComponentRegistration> components,
            List<MetricsSource> sources,
            InstantSource clock) {
        this.systemProbe = systemProbe;
        this.clock = clock;
        this.components = new ComponentCollector(components, clock);
        this.sources = List.copyOf(sources);
    }

    /**
     * A component that has not reported yet counts as silent only once its staleness limit has passed since
     * {@code start} (at first, since this collector was built): the agent's start, once its alerting has joined.
     */
    public void waitFirstReportsFrom(Instant start) {
        components.waitFirstReportsFrom(start);
    }

    /** Adds the sources of parts that joined after collection started (the database half): from the next snapshot on. */
    public synchronized void addSources(List<MetricsSource> joined) {
        List<MetricsSource> all = new ArrayList<>(sources);
        all.addAll(joined);
        sources = List.copyOf(all);
    }

    /** Reads the host once; the CPU figure covers the time since the previous reading. */
    public synchronized SystemMetrics collectSystemMetrics() {
        HostReading reading = systemProbe.read();
        return new SystemMetrics(
                cpuUsage.update(reading.cpuTotalTicks(), reading.cpuIdleTicks()),
                HostPercentages.memory(reading),
                HostPercentages.disk(reading),
                reading.networkBytesSent(),
                reading.networkBytesRecv());
    }

    /** Runs one collection cycle and returns its snapshot, which also becomes {@link #latest()}. */
    public synchronized MetricsSnapshot collectAllMetrics() {
        Instant started = clock.instant();
        lastSystem = collectSystemSafely();
        lastReadings = components.collect();
        collections++;
        return snapshot(started, reading -> true);
    }

    /**
     * Re-reads only the push components and rebuilds {@link #latest()} with their new data and the host and polled
     * readings of the last cycle, so a pushed value is seen by the alert rules without waiting for the next
     * collection. It counts no collection cycle and probes nothing over the network; empty before the first cycle
     * or without push components.
     */
    public synchronized Optional<MetricsSnapshot> refreshPushed() {
        if (latest == null) {
            return Optional.empty();
        }
        Instant started = clock.instant();
        Map<String, ComponentReading> pushed = new HashMap<>();
        for (ComponentReading reading : components.collect(definition -> definition.source() == ComponentSource.PUSH)) {
            pushed.put(reading.definition().name(), reading);
        }
        if (pushed.isEmpty()) {
            return Optional.empty();
        }
        lastReadings = lastReadings.stream()
                .map(reading -> pushed.getOrDefault(reading.definition().name(), reading))
                .toList();
        return Optional.of(snapshot(
                started, reading -> pushed.containsKey(reading.definition().name())));
    }

    /**
     * The snapshot of the last host and component readings at {@code started}; only the readings {@code probedNow}
     * accepts add their probe durations to the histogram and their dropped series to the count (the others were
     * counted when they were read).
     */
    private MetricsSnapshot snapshot(Instant started, Predicate<ComponentReading> probedNow) {
        List<Sample> samples = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        lastSystem.ifPresent(metrics -> addSystemSamples(metrics, started, samples));
        List<ComponentMetrics> componentMetrics = new ArrayList<>(lastReadings.size());
        List<Sample> withheld = new ArrayList<>();
        List<String> neverHeard = new ArrayList<>();
        for (ComponentReading reading : lastReadings) {
            boolean now = probedNow.test(reading);
            if (!(reading instanceof FreshReading) && reading.lastKnown().isEmpty()) {
                neverHeard.add(reading.definition().name());
            }
            componentMetrics.add(ComponentSamples.add(
                    reading,
                    started,
                    samples,
                    withheld,
                    now ? observations : new ArrayList<>(),
                    now ? droppedSeries : new HashMap<>(droppedSeries)));
        }
        Instant finished = clock.instant();
        samples.add(
                Sample.of(MetricCatalog.COLLECTION_DURATION, seconds(Duration.between(started, finished)), started));
        samples.add(Sample.of(MetricCatalog.COLLECTIONS, collections, started));
        samples.add(
                new Sample(MetricCatalog.COLLECTION_ERRORS, Map.of("source", SYSTEM_SOURCE), systemErrors, started));
        droppedSeries.forEach((component, dropped) -> samples.add(
                new Sample(MetricCatalog.COMPONENT_DROPPED_SERIES, Map.of("component", component), dropped, started)));
        for (MetricsSource source : sources) {
            try {
                samples.addAll(source.samples(started));
            } catch (RuntimeException e) {
                LOG.warn("Metrics source {} failed: {}", source.getClass().getSimpleName(), e.toString());
            }
        }

        MetricsSnapshot snapshot = new MetricsSnapshot(
                started, lastSystem, componentMetrics, samples, observations, new SilentSeries(withheld, neverHeard));
        latest = snapshot;
        return snapshot;
    }

    @Override
    public void close() {
        components.close();
    }

    @Override
    public Optional<MetricsSnapshot> latest() {
        return Optional.ofNullable(latest);
    }

    private Optional<SystemMetrics> collectSystemSafely() {
        try {
            return Optional.of(collectSystemMetrics());
        } catch (RuntimeException e) {
            systemErrors++;
            LOG.warn("System metrics collection failed: {}", e.toString());
            return Optional.empty();
        }
    }

    private static void addSystemSamples(SystemMetrics metrics, Instant at, List<Sample> samples) {
        samples.add(Sample.of(MetricCatalog.CPU_USAGE, metrics.cpuUsagePercent(), at));
        samples.add(Sample.of(MetricCatalog.MEMORY_USAGE, metrics.memoryUsagePercent(), at));
        samples.add(Sample.of(MetricCatalog.DISK_USAGE, metrics.diskUsagePercent(), at));
        samples.add(Sample.of(MetricCatalog.NETWORK_SENT, metrics.networkBytesSent(), at));
        samples.add(Sample.of(MetricCatalog.NETWORK_RECV, metrics.networkBytesRecv(), at));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
