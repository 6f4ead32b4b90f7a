package com.airdrops.monitoring.benchmarks;

import com.airdrops.monitoring.adapters.oshi.OshiProbeSettings;
import com.airdrops.monitoring.adapters.oshi.OshiSystemProbe;
import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One collection cycle with the real OSHI probe (reading /proc, statvfs and the interface counters), one publish
 * into the Prometheus registry, and one scrape of /metrics' body. Run with {@code -prof gc} for allocations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CollectionBenchmark {
    private MetricsCollector collector;
    private MicrometerMetricsPublisher publisher;

    @Setup
    public void setUp() {
        collector = new MetricsCollector(new OshiSystemProbe(new OshiProbeSettings(Path.of("/"))), Clock.systemUTC());
        publisher = new MicrometerMetricsPublisher();
        publisher.publish(collector.collectAllMetrics());
    }

    @Benchmark
    public MetricsSnapshot collectionCycle() {
        return collector.collectAllMetrics();
    }

    @Benchmark
    public MetricsSnapshot collectAndPublish() {
        MetricsSnapshot snapshot = collector.collectAllMetrics();
        publisher.publish(snapshot);
        return snapshot;
    }

    @Benchmark
    public String scrapePrometheusText() {
        return publisher.scrape(ExpositionFormat.PROMETHEUS_TEXT);
    }

    @Benchmark
    public String scrapeOpenMetrics() {
        return publisher.scrape(ExpositionFormat.OPENMETRICS);
    }
}
