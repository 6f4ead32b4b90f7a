package com.airdrops.monitoring.benchmarks;

import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.alerting.RuleWindows;
import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fakes.SilentNotificationPlanner;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.RuleWindow;
import com.airdrops.monitoring.domain.model.alert.WindowFunction;
import com.airdrops.monitoring.domain.model.metric.Labels;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.FallbackOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rules on change at scale: 10,000 watched series of one counter, sampled every second, under one rule
 * {@code increase} over {@code over} seconds. Set-up fills the whole window (one sample per series per second), then
 * measures the heap the windows retain (printed as {@code # retained ...}); each benchmark invocation is one
 * collection a second later: 10,000 new samples added and every series' window read and judged, in a real
 * {@link Alerter} pass. {@code store=raw} is the reference a sub-window design replaces: every sample of the window
 * kept in a ring per series, the increase computed by walking it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-XX:+UseSerialGC"})
public class RuleWindowBenchmark {
    static final int SERIES = 10_000;
    static final String METRIC = "task_executions";

    @Param({"600", "3600"})
    public int over;

    @Param({"windows", "raw"})
    public String store;

    private final List<Map<String, String>> labels = new ArrayList<>(SERIES);
    private Instant now = Instant.parse("2026-12-05T00:00:00Z");
    private long tick;
    private Alerter alerter;
    private RawWindows raw;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < SERIES; i++) {
            labels.add(Labels.of(Map.of("component", "bot", "task", "task_" + i), "label"));
        }
        long before = retainedHeap();
        AlertRule rule = AlertRule.builder("failing", METRIC, Condition.GT, 1e12, AlertSeverity.HIGH)
                .forDuration(Duration.ZERO)
                .window(Optional.of(new RuleWindow(WindowFunction.INCREASE, Duration.ofSeconds(over))))
                .build();
        RuleWindows windows = new RuleWindows(SERIES);
        if (store.equals("windows")) {
            InstantSource clock = () -> now;
            alerter = new Alerter(
                    new InMemoryAlertRepository(),
                    clock,
                    new SilentNotificationPlanner(),
                    Map.of(),
                    com.airdrops.monitoring.alerting.Silencer.none(clock),
                    FallbackOutbox.NONE,
                    windows);
            alerter.loadAlertRules(List.of(rule));
            windows.watch(alerter.rules(), now);
        } else {
            raw = new RawWindows(over);
        }
        for (int second = 0; second < over; second++) {
            List<Sample> collection = collection();
            if (alerter != null) {
                windows.add(collection);
            } else {
                raw.add(collection);
            }
        }
        long retained = retainedHeap() - before;
        System.out.printf(
                "%n# retained by %s, over %d s, %,d series at 1 s: %.1f MiB (%,d bytes per series)%n",
                store, over, SERIES, retained / 1048576.0, retained / SERIES);
    }

    /** The next collection, a second after the last: each counter rose by 0 or 1. */
    private List<Sample> collection() {
        tick++;
        now = now.plusSeconds(1);
        List<Sample> samples = new ArrayList<>(SERIES);
        for (int i = 0; i < SERIES; i++) {
            samples.add(new Sample(METRIC, labels.get(i), (tick * (i % 3)) / 2, now));
        }
        return samples;
    }

    @Benchmark
    public int evaluationPass() {
        List<Sample> collection = collection();
        if (alerter != null) {
            return alerter.evaluateRules(collection).size();
        }
        return raw.addAndJudge(collection, 1e12);
    }

    private static long retainedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The reference: every sample of the last {@code over} seconds, per series, in two ring arrays. */
    static final class RawWindows {
        private final int capacity;
        private final Map<Map<String, String>, Ring> series = new HashMap<>();

        RawWindows(int over) {
            this.capacity = over + 1;
        }

        void add(List<Sample> samples) {
            for (Sample sample : samples) {
                ring(sample).add(sample.timestamp().toEpochMilli(), sample.value());
            }
        }

        int addAndJudge(List<Sample> samples, double threshold) {
            int firing = 0;
            for (Sample sample : samples) {
                Ring ring = ring(sample);
                ring.add(sample.timestamp().toEpochMilli(), sample.value());
                if (ring.increase() > threshold) {
                    firing++;
                }
            }
            return firing;
        }

        private Ring ring(Sample sample) {
            return series.computeIfAbsent(sample.labels(), key -> new Ring(capacity));
        }

        static final class Ring {
            final long[] times;
            final double[] values;
            int next;
            int size;

            Ring(int capacity) {
                times = new long[capacity];
                values = new double[capacity];
            }

            void add(long time, double value) {
                times[next] = time;
                values[next] = value;
                next = (next + 1) % times.length;
                size = Math.min(size + 1, times.length);
            }

            double increase() {
                double rise = 0;
                int start = (next - size + times.length) % times.length;
                for (int i = 1; i < size; i++) {
                    double before = values[(start + i - 1) % values.length];
                    double after = values[(start + i) % values.length];
                    rise += after >= before ? after - before : after;
                }
                return rise;
            }
        }
    }
}
