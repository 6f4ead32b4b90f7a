package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.alerting.RuleWindows;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.RuleWindow;
import com.airdrops.monitoring.domain.model.alert.WindowFunction;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's window functions against a real Prometheus on the same samples: a counter with a reset in the middle
 * and a gauge, every 15 s for 30 minutes, written into Prometheus' storage with {@code promtool} and fed to the
 * agent's rule windows as pushes feed them. Read over 10 minutes at multiples of the sub-window, the agent's window
 * is Prometheus' range {@code [t - 10m, t]}.
 */
class WindowFunctionsVsPrometheusTest {
    private static final Duration OVER = Duration.ofMinutes(10);
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final int STEPS = 120;

    @TempDir
    Path dir;

    /** Samples on the evaluation grid reach both ends of the window: Prometheus has nothing to extrapolate. */
    @Test
    void onSamplesThatReachBothEndsOfTheWindowEveryFunctionAgreesExactly() throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        List<Sample> samples = new ArrayList<>();
        samples.addAll(series("bot_failures_total", start, Duration.ZERO, true));
        samples.addAll(series("bot_queue", start, Duration.ZERO, false));
        samples.addAll(series("bot_failures_offset_total", start, Duration.ofSeconds(7), true));

        try (RealPrometheus prometheus = backfilled(samples)) {
            for (int minutes : new int[] {12, 20, 25, 30}) {
                Instant at = start.plus(Duration.ofMinutes(minutes));
                for (WindowFunction function : WindowFunction.values()) {
                    String metric = function == WindowFunction.INCREASE || function == WindowFunction.RATE
                            ? "bot_failures_total"
                            : "bot_queue";
                    double agent = agent(samples, metric, function, at);
                    double theirs = value(prometheus.query(promql(function, metric), at));
                    assertThat(agent)
                            .as("%s(%s[10m]) at %s min", function.wireName(), metric, minutes)
                            .isCloseTo(theirs, within(1e-9 * Math.max(1, Math.abs(theirs))));
                }
            }
        }
    }

    /**
     * Samples that miss the window's ends: Prometheus extrapolates its increase to them, the agent does not. Their
     * figures differ by Prometheus' documented factor, the window (with at most half a sample interval added at each
     * end) over the time the samples span.
     */
    @Test
    void offTheGridPrometheusExtrapolatesAndTheAgentCountsWhatCame() throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        List<Sample> samples = series("bot_failures_offset_total", start, Duration.ofSeconds(7), true);
        try (RealPrometheus prometheus = backfilled(samples)) {
            for (int minutes : new int[] {20, 30}) {
                Instant at = start.plus(Duration.ofMinutes(minutes));
                double agent = agent(samples, "bot_failures_offset_total", WindowFunction.INCREASE, at);
                double theirs = value(prometheus.query("increase(bot_failures_offset_total[10m])", at));
                double factor = extrapolation(samples, at);
                assertThat(factor).as("Prometheus extrapolates here").isGreaterThan(1.0);
                assertThat(agent * factor).isCloseTo(theirs, within(1e-9 * theirs));
            }
        }
    }

    /** Prometheus' factor for a counter whose first sample is far from zero (its zero point is never nearer). */
    private static double extrapolation(List<Sample> samples, Instant at) {
        List<Sample> in = samples.stream()
                .filter(sample -> !sample.timestamp().isBefore(at.minus(OVER))
                        && !sample.timestamp().isAfter(at))
                .toList();
        double first = in.getFirst().timestamp().toEpochMilli() / 1e3;
        double last = in.getLast().timestamp().toEpochMilli() / 1e3;
        double sampled = last - first;
        double average = sampled / (in.size() - 1);
        double toStart = first - at.minus(OVER).toEpochMilli() / 1e3;
        double toEnd = at.toEpochMilli() / 1e3 - last;
        double extrapolated = sampled
                + (toStart < average * 1.1 ? toStart : average / 2)
                + (toEnd < average * 1.1 ? toEnd : average / 2);
        return extrapolated / sampled;
    }

    /**
     * A counter rising by 0 to 3 a step, reset to 0 at 14 min (the bot restarted), from 1,000 (so that Prometheus'
     * counter never reaches back to zero); or a gauge wandering between 0 and 20.
     */
    private static List<Sample> series(String name, Instant start, Duration offset, boolean counter) {
        Random random = new Random(name.hashCode());
        List<Sample> samples = new ArrayList<>();
        double value = counter ? 1_000 : 10;
        for (int i = 0; i <= STEPS; i++) {
            if (counter) {
                value = i == 56 ? 0 : value + random.nextInt(4);
            } else {
                value = Math.max(0, Math.min(20, value + random.nextInt(5) - 2));
            }
            samples.add(new Sample(
                    name, Map.of("job", "bot"), value, start.plus(offset).plus(STEP.multipliedBy(i))));
        }
        return samples;
    }

    private RealPrometheus backfilled(List<Sample> samples) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Sample sample : samples) {
            text.append(sample.name())
                    .append("{job=\"bot\"} ")
                    .append(sample.value())
                    .append(' ')
                    .append(sample.timestamp().getEpochSecond())
                    .append('\n');
        }
        text.append("# EOF\n");
        Path input = Files.writeString(dir.resolve("samples.om"), text);
        ExternalTool.Result created = ExternalTool.run(
                List.of(
                        ExternalTool.require("promtool").toString(),
                        "tsdb",
                        "create-blocks-from",
                        "openmetrics",
                        input.toString(),
                        dir.resolve("prometheus-data").toString()),
                "");
        assertThat(created.exitCode()).as(created.output()).isZero();
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global: {}\n");
        RealPrometheus prometheus = RealPrometheus.start(dir, config);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> prometheus
                        .query(
                                "count(bot_failures_offset_total)",
                                samples.getLast().timestamp())
                        .toString()
                        .contains("\"1\""));
        return prometheus;
    }

    private static double agent(List<Sample> samples, String metric, WindowFunction function, Instant at) {
        AlertRule rule = AlertRule.builder("r", metric, Condition.GT, 0, AlertSeverity.LOW)
                .window(Optional.of(new RuleWindow(function, OVER)))
                .build();
        RuleWindows windows = new RuleWindows();
        windows.watch(List.of(rule), samples.getFirst().timestamp().minus(OVER));
        windows.add(samples.stream()
                .filter(sample -> !sample.timestamp().isAfter(at))
                .toList());
        List<Sample> values = windows.read(rule, at).values();
        assertThat(values).as("%s of %s at %s", function, metric, at).hasSize(1);
        return values.getFirst().value();
    }

    private static String promql(WindowFunction function, String metric) {
        String name = switch (function) {
            case INCREASE, RATE, DELTA, CHANGES -> function.wireName();
            case AVG, MIN, MAX -> function.wireName() + "_over_time";
            case LAST_OVER -> "last_over_time";
            case COUNT_OVER -> "count_over_time";
        };
        return name + "(" + metric + "[10m])";
    }

    private static double value(JsonNode answer) {
        JsonNode result = answer.path("data").path("result");
        assertThat(result.size()).as(answer.toString()).isEqualTo(1);
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }
}
