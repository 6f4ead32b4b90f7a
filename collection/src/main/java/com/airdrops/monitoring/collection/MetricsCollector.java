package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentMetrics;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Observation;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.metric.SilentSeries;
import com.airdrops.monitoring.domain.model.metric.SystemMetrics;
import com.airdrops.monitoring.domain.port.driven.DiskReading;
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
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects host metrics through a {@link SystemProbe} and component metrics through each component's probe into
 * {@link MetricsSnapshot}s, and remembers the latest one. A failing probe is
 * logged and counted, never thrown; a disk that cannot be read takes only the disk's series out. Thread-safe:
 * collections are serialised.
 */
public final class MetricsCollector implements LatestMetrics, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);
    private static final String SYSTEM_SOURCE = "system";
    private static final String DISK_SOURCE = "disk";

    private final SystemProbe systemProbe;
    private final InstantSource clock;
    private final CpuUsage cpuUsage = new CpuUsage();
    private final ComponentCollector components;
    private volatile List<MetricsSource> sources;
    private long collections;
    private long systemErrors;
    private long diskErrors;
    private final LastingFailure hostFailure;
    private final LastingFailure diskFailure;
    private final Map<String, Long> droppedSeries = new TreeMap<>();
    private Optional<SystemMetrics> lastSystem = Optional.empty();
    /** The last host figures read, and the last disk figure: what alerts on them keep to while they cannot be read. */
    private Optional<SystemMetrics> lastKnownSystem = Optional.empty();

    private OptionalDouble lastKnownDisk = OptionalDouble.empty();
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
        this.hostFailure = new LastingFailure(LOG, "Host metrics", clock);
        this.diskFailure = new LastingFailure(LOG, "Disk usage", clock);
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

    /**
     * Reads the host once; the CPU figure covers the time since the previous reading. A disk that could not be read
     * leaves the disk figure empty, and is counted and said once.
     */
    public synchronized SystemMetrics collectSystemMetrics() {
        HostReading reading = systemProbe.read();
        return new SystemMetrics(
                cpuUsage.update(reading.cpuTotalTicks(), reading.cpuIdleTicks()),
                HostPercentages.memory(reading),
                diskUsage(reading.disk()),
                reading.networkBytesSent(),
                reading.networkBytesRecv());
    }

    /**
     * While a part of the host cannot be read: what, since when and why ("disk usage unreadable since ...: no such
     * file or directory: /data"); empty when every part was read at the last cycle.
     */
    public synchronized List<String> readFailures() {
        List<String> failures = new ArrayList<>(2);
        hostFailure.current().ifPresent(failures::add);
        diskFailure.current().ifPresent(failures::add);
        return failures;
    }

    private OptionalDouble diskUsage(DiskReading disk) {
        return switch (disk) {
            case DiskReading.Space space -> {
                diskFailure.succeeded();
                yield OptionalDouble.of(HostPercentages.disk(space));
            }
            case DiskReading.Unreadable unreadable -> {
                diskErrors++;
                diskFailure.failed(unreadable.reason());
                yield OptionalDouble.empty();
            }
        };
    }

    /** Runs one collection cycle and returns its snapshot, which also becomes {@link #latest()}. */
    public synchronized MetricsSnapshot collectAllMetrics() {
        Instant started = clock.instant();
        lastSystem = collectSystemSafely();
        lastSystem.ifPresent(metrics -> {
            lastKnownSystem = lastSystem;
            metrics.diskUsagePercent().ifPresent(disk -> lastKnownDisk = OptionalDouble.of(disk));
        });
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
        List<Sample> withheld = new ArrayList<>();
        addSystemSamples(started, samples, withheld);
        List<ComponentMetrics> componentMetrics = new ArrayList<>(lastReadings.size());
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
        samples.add(new Sample(MetricCatalog.COLLECTION_ERRORS, Map.of("source", DISK_SOURCE), diskErrors, started));
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
            SystemMetrics metrics = collectSystemMetrics();
            hostFailure.succeeded();
            return Optional.of(metrics);
        } catch (RuntimeException e) {
            systemErrors++;
            hostFailure.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The host's series of the last cycle. What could not be read then (the disk, or the whole host) goes at its last
     * known value to the withheld series, which keep the alerts on it in their state: an unreadable disk never reads
     * as a disk that stopped being full.
     */
    private void addSystemSamples(Instant at, List<Sample> samples, List<Sample> withheld) {
        if (lastKnownSystem.isEmpty()) {
            return;
        }
        // The last cycle's figures when it read the host (they are the last known then), else the last known.
        SystemMetrics metrics = lastKnownSystem.get();
        List<Sample> host = lastSystem.isPresent() ? samples : withheld;
        host.add(Sample.of(MetricCatalog.CPU_USAGE, metrics.cpuUsagePercent(), at));
        host.add(Sample.of(MetricCatalog.MEMORY_USAGE, metrics.memoryUsagePercent(), at));
        host.add(Sample.of(MetricCatalog.NETWORK_SENT, metrics.networkBytesSent(), at));
        host.add(Sample.of(MetricCatalog.NETWORK_RECV, metrics.networkBytesRecv(), at));
        OptionalDouble disk = lastSystem.isPresent() ? metrics.diskUsagePercent() : OptionalDouble.empty();
        if (disk.isPresent()) {
            samples.add(Sample.of(MetricCatalog.DISK_USAGE, disk.getAsDouble(), at));
        } else {
            lastKnownDisk.ifPresent(last -> withheld.add(Sample.of(MetricCatalog.DISK_USAGE, last, at)));
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
