package com.airdrops.monitoring.benchmarks;

import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.ExpositionBody;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * One scrape of the agent's exposition as /metrics makes it: 5,000 collected series (ten components of 500 gauges)
 * with the JVM's, and 50 live series of the agent's own read at each scrape. {@code exposeUnchanged} is the steady
 * state between collections; {@code exposeAfterLiveChange} changes one live value first, so the live part is
 * rendered again. Run with {@code -prof gc} for the allocation per scrape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScrapeBenchmark {
    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    private MicrometerMetricsPublisher publisher;
    private volatile long changes;

    @Setup
    public void setUp() {
        MetricsSource live = now -> {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                samples.add(new Sample("monitoring_bench_total", Map.of("part", "p" + i), i == 0 ? changes : i, now));
            }
            return samples;
        };
        publisher = MicrometerMetricsPublisher.withJvmMetrics(List.of(live), InstantSource.fixed(NOW));
        List<Sample> collected = new ArrayList<>();
        for (int component = 0; component < 10; component++) {
            for (int gauge = 0; gauge < 500; gauge++) {
                collected.add(new Sample("g" + gauge, Map.of("component", "bulk" + component), gauge, NOW));
            }
        }
        publisher.publish(new MetricsSnapshot(NOW, Optional.empty(), List.of(), collected));
        publisher.expose(ExpositionFormat.PROMETHEUS_TEXT);
    }

    @Benchmark
    public ExpositionBody exposeUnchanged() {
        return publisher.expose(ExpositionFormat.PROMETHEUS_TEXT);
    }

    @Benchmark
    public ExpositionBody exposeAfterLiveChange() {
        changes++;
        return publisher.expose(ExpositionFormat.PROMETHEUS_TEXT);
    }
}
