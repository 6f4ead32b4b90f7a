package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.WindowFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The last {@code over} of one series, in {@value #SUB_WINDOWS} sub-windows that each keep what the window functions
 * need of their samples (first and last value, lowest, highest, sum, count, the rise, and the number of changes), not
 * the samples themselves: its size is fixed whatever the window and the sample rate.
 *
 * <p>The rise of a counter (a name ending in {@code _total}) counts a fall as a reset to zero, as Prometheus does: the
 * value after it is all new. Any other series rises by its increments only: a fall is not new events (the scheduler's
 * counts by status, for one, are of the executions the bot keeps, and fall when it forgets old ones).
 *
 * <p>Sub-window {@code n} holds the samples of {@code [n w, (n + 1) w)}, {@code w} being {@code over / 30}. A read at
 * {@code now} takes the sub-window holding {@code now} and the {@value #SUB_WINDOWS} before it: at a multiple of
 * {@code w}, exactly the samples of {@code [now - over, now]}, as a Prometheus 2 range selector; in between, also
 * those of up to one sub-window older. Values are not extrapolated to the window's edges.
 *
 * <p>Not thread-safe: {@link RuleWindows} guards it.
 */
final class SeriesWindow {
    static final int SUB_WINDOWS = 30;
    private static final int SLOTS = SUB_WINDOWS + 1;

    private final long width;
    private final long over;
    /** Which sub-window each slot holds, {@code Long.MIN_VALUE} for none. */
    private final long[] index = new long[SLOTS];

    private final int[] count = new int[SLOTS];
    private final int[] changes = new int[SLOTS];
    private final double[] first = new double[SLOTS];
    private final double[] last = new double[SLOTS];
    private final double[] min = new double[SLOTS];
    private final double[] max = new double[SLOTS];
    private final double[] sum = new double[SLOTS];
    /** What the series rose by between the sub-window's samples. */
    private final double[] rise = new double[SLOTS];

    private final boolean counter;
    private long lastSample = Long.MIN_VALUE;
    /** When the window's first sample came: the series' window has filled {@code over} later. */
    private long firstSample = Long.MIN_VALUE;

    /** @param counter whether a fall is a reset (a counter) or only not a rise */
    SeriesWindow(Duration over, boolean counter) {
        this.counter = counter;
        this.over = over.toMillis();
        this.width = Math.ceilDiv(this.over, SUB_WINDOWS);
        Arrays.fill(index, Long.MIN_VALUE);
    }

    /**
     * Adds a sample; one not newer than the last one added, or not finite, is ignored and false returned. A sample
     * older than the last by more than the whole window means the clock was set back: the window starts again from
     * it, rather than ignoring every sample until the clock has caught up.
     */
    boolean add(Instant at, double value) {
        long t = at.toEpochMilli();
        if (!Double.isFinite(value)) {
            return false;
        }
        if (t <= lastSample) {
            if (lastSample - t <= over) {
                return false;
            }
            Arrays.fill(index, Long.MIN_VALUE);
            firstSample = Long.MIN_VALUE;
        }
        if (firstSample == Long.MIN_VALUE) {
            firstSample = t;
        }
        lastSample = t;
        long n = Math.floorDiv(t, width);
        int slot = (int) Math.floorMod(n, SLOTS);
        if (index[slot] != n) {
            index[slot] = n;
            count[slot] = 0;
        }
        if (count[slot] == 0) {
            first[slot] = value;
            min[slot] = value;
            max[slot] = value;
            sum[slot] = 0;
            rise[slot] = 0;
            changes[slot] = 0;
        } else {
            rise[slot] += risen(last[slot], value, counter);
            changes[slot] += value != last[slot] ? 1 : 0;
            min[slot] = Math.min(min[slot], value);
            max[slot] = Math.max(max[slot], value);
        }
        last[slot] = value;
        sum[slot] += value;
        count[slot]++;
        return true;
    }

    /** Whether no sample is left in the window at {@code now}: the series can be forgotten. */
    boolean emptyAt(Instant now) {
        return lastSample == Long.MIN_VALUE
                || Math.floorDiv(lastSample, width) < Math.floorDiv(now.toEpochMilli(), width) - SUB_WINDOWS;
    }

    /**
     * {@code function} of the samples in the window at {@code now}: empty when it holds none, or for {@code increase},
     * {@code rate} and {@code delta} fewer than two.
     */
    OptionalDouble read(WindowFunction function, Instant now) {
        long newest = Math.floorDiv(now.toEpochMilli(), width);
        int samples = 0;
        int changed = 0;
        double firstValue = Double.NaN;
        double lastValue = Double.NaN;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        double total = 0;
        double risen = 0;
        for (long n = newest - SUB_WINDOWS; n <= newest; n++) {
            int slot = (int) Math.floorMod(n, SLOTS);
            if (index[slot] != n || count[slot] == 0) {
                continue;
            }
            if (samples == 0) {
                firstValue = first[slot];
            } else {
                risen += risen(lastValue, first[slot], counter);
                changed += first[slot] != lastValue ? 1 : 0;
            }
            samples += count[slot];
            changed += changes[slot];
            risen += rise[slot];
            lowest = Math.min(lowest, min[slot]);
            highest = Math.max(highest, max[slot]);
            total += sum[slot];
            lastValue = last[slot];
        }
        if (samples == 0) {
            return OptionalDouble.empty();
        }
        return switch (function) {
            case INCREASE -> samples < 2 ? OptionalDouble.empty() : OptionalDouble.of(risen);
            case RATE -> samples < 2 ? OptionalDouble.empty() : OptionalDouble.of(risen * 1_000 / over);
            case DELTA -> samples < 2 ? OptionalDouble.empty() : OptionalDouble.of(lastValue - firstValue);
            case AVG -> OptionalDouble.of(total / samples);
            case MIN -> OptionalDouble.of(lowest);
            case MAX -> OptionalDouble.of(highest);
            case LAST_OVER -> OptionalDouble.of(lastValue);
            case COUNT_OVER -> OptionalDouble.of(samples);
            case CHANGES -> OptionalDouble.of(changed);
        };
    }

    /**
     * What the series rose by from {@code before} to {@code after}: for a counter that fell, all of {@code after} (a
     * reset); for anything else, nothing.
     */
    private static double risen(double before, double after, boolean counter) {
        if (after >= before) {
            return after - before;
        }
        return counter ? after : 0;
    }

    /** Whether the window has held samples for the whole of {@code over} at {@code now}, since its first one. */
    boolean filledAt(Instant now) {
        return firstSample != Long.MIN_VALUE && now.toEpochMilli() - firstSample >= over;
    }
}
