package com.airdrops.monitoring.benchmarks;

import com.airdrops.monitoring.aggregation.AggregationSettings;
import com.airdrops.monitoring.aggregation.MetricsAggregator;
import com.airdrops.monitoring.domain.fakes.InMemoryAggregateStore;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import com.airdrops.monitoring.domain.model.metric.Labels;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state ingest into open windows: each invocation processes one snapshot of {@value #SAMPLES} samples spread
 * over {@code series} series (name + labels looked up per sample), all inside one window. Scores are per sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class AggregationBenchmark {
    static final int SAMPLES = 100_000;
    private static final Instant WINDOW_START = Instant.parse("2026-11-26T12:00:00Z");

    @Param({"1", "1000", "100000"})
    public int series;

    /** default = avg,max,min; basic = avg,max,min,sum,count; all = those plus last and p50, p90, p95, p99. */
    @Param({"default", "basic", "all"})
    public String functions;

    private MetricsAggregator aggregator;
    private MetricsSnapshot snapshot;

    @Setup(Level.Trial)
    public void setUp() {
        List<AggregationFunction> chosen = switch (functions) {
            case "default" -> List.of(AggregationFunction.AVG, AggregationFunction.MAX, AggregationFunction.MIN);
            case "basic" ->
                List.of(
                        AggregationFunction.AVG,
                        AggregationFunction.MAX,
                        AggregationFunction.MIN,
                        AggregationFunction.SUM,
                        AggregationFunction.COUNT);
            default -> Arrays.asList(AggregationFunction.values());
        };
        aggregator = new MetricsAggregator(
                new AggregationSettings(Duration.ofHours(1), chosen, Duration.ofHours(2), 10, Math.max(series, 1)),
                new InMemoryAggregateStore(1_000));
        List<Map<String, String>> labels = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            labels.add(Labels.of(Map.of("component", "c" + i), "label"));
        }
        List<Sample> samples = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            // Timestamps stay inside one hour-long window: measurement never closes a window.
            samples.add(new Sample(
                    "component_queue_depth",
                    labels.get(i % series),
                    (i * 7919) % 1000 + 0.5,
                    WINDOW_START.plusMillis(i % 3_000_000)));
        }
        snapshot = new MetricsSnapshot(WINDOW_START, Optional.empty(), List.of(), samples);
        aggregator.processMetrics(snapshot); // creates every series before measurement
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public List<AggregatedMetric> ingest() {
        return aggregator.processMetrics(snapshot);
    }
}
