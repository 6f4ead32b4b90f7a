package com.airdrops.monitoring.benchmarks;

import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fakes.SilentNotificationPlanner;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.metric.Labels;
import com.airdrops.monitoring.domain.model.metric.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * One evaluation pass of {@code rules} rules over 100,000 series: 10,000 metric names of 10 series each; rule i
 * watches metric i mod 10,000, so every series is matched by rules / 10,000 rules. 1 % of the series hold a value
 * that satisfies their rules, so the pass keeps about that many alerts active (steady state, as in production).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class EvaluationBenchmark {
    static final int METRICS = 10_000;
    static final int SERIES_PER_METRIC = 10;

    @Param({"1000", "10000"})
    public int rules;

    private Alerter alerter;
    private List<Sample> samples;

    @Setup(Level.Trial)
    public void setUp() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        samples = new ArrayList<>(METRICS * SERIES_PER_METRIC);
        for (int metric = 0; metric < METRICS; metric++) {
            for (int series = 0; series < SERIES_PER_METRIC; series++) {
                double value = (metric * SERIES_PER_METRIC + series) % 100 == 0 ? 99 : 10;
                samples.add(new Sample(
                        "metric_" + metric, Labels.of(Map.of("instance", "i" + series), "label"), value, now));
            }
        }
        List<AlertRule> ruleList = new ArrayList<>(rules);
        for (int i = 0; i < rules; i++) {
            ruleList.add(AlertRule.builder("rule_" + i, "metric_" + (i % METRICS), Condition.GT, 90, AlertSeverity.HIGH)
                    .description("value above 90")
                    .forDuration(Duration.ofSeconds(60))
                    .build());
        }
        alerter = new Alerter(new InMemoryAlertRepository(), Clock.systemUTC(), new SilentNotificationPlanner());
        alerter.loadAlertRules(ruleList);
        alerter.evaluateRules(samples); // create the pending alerts before measuring steady-state passes
    }

    @Benchmark
    public List<Alert> evaluationPass() {
        return alerter.evaluateRules(samples);
    }
}
