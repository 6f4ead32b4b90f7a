package com.airdrops.monitoring.domain.model.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Performance figures of a portfolio history (points sorted by time; {@code V} the value, {@code t} the time, the
 * last point is "now"):
 *
 * <ul>
 *   <li>return over a window {@code w}: {@code (V_last / V_ref - 1) * 100}, where {@code ref} is the latest point at
 *       or before {@code t_last - w}; none when the history is shorter than the window or {@code V_ref} is 0;
 *   <li>current drawdown: {@code (peak - V_last) / peak * 100}, {@code peak} the highest value of the history;
 *   <li>maximum drawdown: the largest {@code (running peak - V_i) / running peak * 100} over the history;
 *   <li>volatility: the sample standard deviation (n - 1) of the period returns
 *       {@code r_i = (V_i / V_(i-1) - 1) * 100} between consecutive points; none with fewer than two returns.
 * </ul>
 *
 * Percent figures; a peak of 0 gives no drawdown.
 */
public final class PortfolioPerformance {
    /** The return windows the agent exposes, with their label values. */
    public static final List<PerformanceWindow> WINDOWS = List.of(
            new PerformanceWindow("24h", Duration.ofHours(24)), new PerformanceWindow("7d", Duration.ofDays(7)));

    private final List<PortfolioPoint> points;

    public PortfolioPerformance(List<PortfolioPoint> history) {
        List<PortfolioPoint> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(PortfolioPoint::at));
        this.points = List.copyOf(sorted);
    }

    public OptionalDouble returnPercent(Duration window) {
        if (points.size() < 2) {
            return OptionalDouble.empty();
        }
        PortfolioPoint last = points.getLast();
        Instant cutoff = last.at().minus(window);
        PortfolioPoint reference = null;
        for (PortfolioPoint point : points) {
            if (point.at().isAfter(cutoff)) {
                break;
            }
            reference = point;
        }
        if (reference == null || reference.valueUsd() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((last.valueUsd() / reference.valueUsd() - 1) * 100);
    }

    public OptionalDouble currentDrawdownPercent() {
        if (points.isEmpty()) {
            return OptionalDouble.empty();
        }
        double peak =
                points.stream().mapToDouble(PortfolioPoint::valueUsd).max().orElseThrow();
        return peak == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of((peak - points.getLast().valueUsd()) / peak * 100);
    }

    public OptionalDouble maxDrawdownPercent() {
        double peak = 0;
        double worst = 0;
        boolean any = false;
        for (PortfolioPoint point : points) {
            peak = Math.max(peak, point.valueUsd());
            if (peak > 0) {
                worst = Math.max(worst, (peak - point.valueUsd()) / peak * 100);
                any = true;
            }
        }
        return any ? OptionalDouble.of(worst) : OptionalDouble.empty();
    }

    public OptionalDouble volatilityPercent() {
        List<Double> returns = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            double previous = points.get(i - 1).valueUsd();
            if (previous > 0) {
                returns.add((points.get(i).valueUsd() / previous - 1) * 100);
            }
        }
        if (returns.size() < 2) {
            return OptionalDouble.empty();
        }
        double mean =
                returns.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = returns.stream()
                .mapToDouble(value -> (value - mean) * (value - mean))
                .sum();
        return OptionalDouble.of(Math.sqrt(squares / (returns.size() - 1)));
    }
}
