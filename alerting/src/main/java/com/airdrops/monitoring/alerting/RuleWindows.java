package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.WindowFill;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sliding windows of the rules that name a function: a {@link SeriesWindow} per rule and series it watches, fed
 * every collected snapshot, every push refresh and the input of every evaluation pass (a sample already added is not
 * added twice). Nothing is kept for rules without a function, nor for series no such rule watches. Each rule may hold
 * its share of {@code maxSeries} windows; past it, a new series is refused and its samples counted per rule; a series
 * whose window has emptied is forgotten.
 *
 * <p>A window starts empty when the agent starts (or when its rule comes or changes), and a series' own window when
 * its first sample comes. Until both have filled, a series
 * decides only where more samples could not undo the verdict ({@link
 * com.airdrops.monitoring.domain.model.alert.WindowFunction#partialDecides}); otherwise it is undecided, and its alert
 * keeps its state. Thread-safe.
 */
public final class RuleWindows implements MetricsSink, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(RuleWindows.class);
    public static final int DEFAULT_MAX_SERIES = 10_000;

    private final int maxSeries;
    private final Map<String, WatchedRule> watches = new LinkedHashMap<>();
    private Map<String, List<WatchedRule>> byMetric = Map.of();
    private List<AlertRule> watched = List.of();
    private int series;
    private long forgotten;

    /** At most {@value #DEFAULT_MAX_SERIES} series. */
    public RuleWindows() {
        this(DEFAULT_MAX_SERIES);
    }

    public RuleWindows(int maxSeries) {
        if (maxSeries < 1) {
            throw new IllegalArgumentException("the window series limit must be at least 1, got " + maxSeries);
        }
        this.maxSeries = maxSeries;
    }

    /** The rules to keep windows for; a rule whose metric, matchers and window are unchanged keeps its samples. */
    public synchronized void watch(List<AlertRule> rules, Instant now) {
        if (rules == watched) {
            return;
        }
        watched = rules;
        Map<String, WatchedRule> kept = new LinkedHashMap<>();
        for (AlertRule rule : rules) {
            if (rule.window().isEmpty()) {
                continue;
            }
            WatchedRule watch = watches.get(rule.name());
            if (watch == null || !watch.same(rule)) {
                watch = new WatchedRule(rule, now);
            }
            watch.rule = rule;
            kept.put(rule.name(), watch);
        }
        watches.clear();
        watches.putAll(kept);
        Map<String, List<WatchedRule>> index = new HashMap<>();
        series = 0;
        for (WatchedRule watch : kept.values()) {
            index.computeIfAbsent(watch.rule.metricName(), name -> new ArrayList<>())
                    .add(watch);
            series += watch.series.size();
        }
        byMetric = index;
    }

    @Override
    public void publish(MetricsSnapshot snapshot) {
        add(snapshot.samples());
    }

    /** Adds each sample to the windows of the rules that watch its series. */
    public synchronized void add(List<Sample> samples) {
        if (byMetric.isEmpty()) {
            return;
        }
        for (Sample sample : samples) {
            for (WatchedRule watch : byMetric.getOrDefault(sample.name(), List.of())) {
                if (watch.rule.watches(sample.labels())) {
                    add(watch, sample);
                }
            }
        }
    }

    private void add(WatchedRule watch, Sample sample) {
        SeriesWindow window = watch.series.get(sample.labels());
        if (window == null) {
            // Each rule may hold its share of the limit, so that one rule watching many series cannot starve another.
            int share = Math.max(1, maxSeries / watches.size());
            if (series >= maxSeries || watch.series.size() >= share) {
                if (watch.refused++ == 0) {
                    LOG.warn(
                            "Rule {} cannot watch series {} of {}: it holds {} series, its share of the {} the rule"
                                    + " windows may hold (ALERT_WINDOW_MAX_SERIES, shared by {} rules with a function);"
                                    + " its samples are refused and counted in {}",
                            watch.rule.name(),
                            sample.labels(),
                            sample.name(),
                            watch.series.size(),
                            maxSeries,
                            watches.size(),
                            MetricCatalog.RULE_WINDOW_REFUSED_SAMPLES);
                }
                return;
            }
            // A counter's fall is a reset; on a gauge it is no rise (see SeriesWindow).
            window = new SeriesWindow(watch.window.over(), sample.name().endsWith("_total"));
            watch.series.put(sample.labels(), window);
            series++;
        }
        window.add(sample.timestamp(), sample.value());
    }

    /** The window of {@code rule} at {@code now}; a series whose window has emptied is forgotten. */
    public synchronized WindowReading read(AlertRule rule, Instant now) {
        WatchedRule watch = watches.get(rule.name());
        if (watch == null) {
            return new WindowReading(List.of(), List.of());
        }
        boolean ruleFilled = !now.isBefore(watch.since.plus(watch.window.over()));
        boolean partialDecides = watch.window.function().partialDecides(rule.condition());
        List<Sample> values = new ArrayList<>();
        List<Sample> undecided = new ArrayList<>();
        int sparse = 0;
        Iterator<Map.Entry<Map<String, String>, SeriesWindow>> entries =
                watch.series.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Map<String, String>, SeriesWindow> entry = entries.next();
            if (entry.getValue().emptyAt(now)) {
                entries.remove();
                series--;
                forgotten++;
                continue;
            }
            OptionalDouble value = entry.getValue().read(watch.window.function(), now);
            double shown = value.orElse(Double.NaN);
            Sample sample = new Sample(rule.metricName(), entry.getKey(), shown, now);
            // A series that came after the rule (or after the agent started) fills its own window from then.
            boolean filled = ruleFilled && entry.getValue().filledAt(now);
            if (filled && value.isEmpty()) {
                sparse++; // a whole window with one sample: increase, rate, delta and changes need two
            }
            if (value.isPresent()
                    && (filled || partialDecides && rule.condition().holds(shown, rule.threshold()))) {
                values.add(sample);
            } else {
                undecided.add(sample); // too few samples yet, or a window still filling that cannot decide
            }
        }
        if (sparse > 0 && !watch.sparseTold) {
            watch.sparseTold = true;
            LOG.warn(
                    "Rule {}: {} series had a single sample in a whole window of {} s: {} needs two, so it cannot fire"
                            + " on them; samples come less often than that (collections every"
                            + " METRICS_COLLECTION_INTERVAL, pushes as the bot sends them) or stopped. Lengthen over",
                    rule.name(),
                    sparse,
                    watch.window.over().toSeconds(),
                    watch.window.function().wireName());
        }
        watch.sparse = sparse;
        return new WindowReading(values, undecided);
    }

    /** How far each windowed rule's window has filled, by rule name. */
    public synchronized Map<String, WindowFill> fills() {
        Map<String, WindowFill> fills = new LinkedHashMap<>();
        watches.forEach((name, watch) -> fills.put(
                name,
                new WindowFill(
                        watch.since,
                        watch.since.plus(watch.window.over()),
                        watch.series.size(),
                        watch.refused,
                        watch.sparse)));
        return fills;
    }

    @Override
    public synchronized List<Sample> samples(Instant now) {
        List<Sample> samples = new ArrayList<>();
        samples.add(Sample.of(MetricCatalog.RULE_WINDOW_SERIES, series, now));
        samples.add(Sample.of(MetricCatalog.RULE_WINDOW_FORGOTTEN_SERIES, forgotten, now));
        watches.forEach((name, watch) -> samples.add(
                new Sample(MetricCatalog.RULE_WINDOW_REFUSED_SAMPLES, Map.of("rule", name), watch.refused, now)));
        return samples;
    }
}
