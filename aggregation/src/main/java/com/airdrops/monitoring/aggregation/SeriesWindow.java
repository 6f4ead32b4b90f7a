package com.airdrops.monitoring.aggregation;

import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The running aggregate of one series in its open window. Adding a value allocates nothing; the sketch (only when a
 * quantile is configured) is cleared and reused from window to window. Not thread-safe.
 */
final class SeriesWindow {
    /** DDSketch relative accuracy: quantiles within 1 % of the true value. */
    static final double RELATIVE_ACCURACY = 0.01;
    /** Caps a sketch at 2,048 bins (16 KiB), which covers values spanning 17 orders of magnitude at 1 %. */
    static final int MAX_BINS = 2048;

    static final long NO_WINDOW = Long.MIN_VALUE;

    private final String[] names;
    private final Map<String, String> labels;
    private final AggregationFunction[] functions;
    private final DDSketch sketch;

    long windowStart = NO_WINDOW;
    long lastActiveWindow;
    private long count;
    private double sum;
    private double min;
    private double max;
    private double last;
    private long lastTimestamp;

    SeriesWindow(String metricName, Map<String, String> labels, AggregationFunction[] functions) {
        this.labels = labels;
        this.functions = functions;
        this.names = new String[functions.length];
        boolean quantiles = false;
        for (int i = 0; i < functions.length; i++) {
            names[i] = metricName + "_" + functions[i].wireName();
            quantiles |= functions[i].isQuantile();
        }
        this.sketch = quantiles ? DDSketches.collapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS) : null;
    }

    void open(long start) {
        windowStart = start;
        lastActiveWindow = start;
        count = 0;
        sum = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        lastTimestamp = Long.MIN_VALUE;
        if (sketch != null) {
            sketch.clear();
        }
    }

    void add(double value, long timestampMillis) {
        count++;
        sum += value;
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        if (timestampMillis >= lastTimestamp) {
            last = value;
            lastTimestamp = timestampMillis;
        }
        if (sketch != null) {
            sketch.accept(value);
        }
    }

    boolean isOpen() {
        return windowStart != NO_WINDOW;
    }

    /** Emits one aggregate per function for the open window, which ends at {@code windowEnd}, and closes it. */
    void close(Instant windowEnd, List<AggregatedMetric> out) {
        if (count > 0) {
            for (int i = 0; i < functions.length; i++) {
                out.add(new AggregatedMetric(
                        names[i], value(functions[i]), windowEnd, labels, functions[i].wireName()));
            }
        }
        windowStart = NO_WINDOW;
    }

    private double value(AggregationFunction function) {
        return switch (function) {
            case AVG -> sum / count;
            case MAX -> max;
            case MIN -> min;
            case SUM -> sum;
            case COUNT -> count;
            case LAST -> last;
            case P50 -> quantile(0.50);
            case P90 -> quantile(0.90);
            case P95 -> quantile(0.95);
            case P99 -> quantile(0.99);
        };
    }

    /** The sketch's estimate, clamped to the exact min and max it cannot know. */
    private double quantile(double q) {
        return Math.max(min, Math.min(max, sketch.getValueAtQuantile(q)));
    }
}
