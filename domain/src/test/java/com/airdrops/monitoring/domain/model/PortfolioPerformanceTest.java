package com.airdrops.monitoring.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshotBuilder;
import com.airdrops.monitoring.domain.model.component.PortfolioPerformance;
import com.airdrops.monitoring.domain.model.component.PortfolioPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portfolio figures against values worked out by hand. */
class PortfolioPerformanceTest {
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    /** Daily values 1000, 1100, 990, 1089, 1200 (days 0 to 4), given out of order. */
    private final PortfolioPerformance week = new PortfolioPerformance(
            List.of(point(2, 990), point(0, 1000), point(4, 1200), point(1, 1100), point(3, 1089)));

    @Test
    void theReturnComparesTheLastValueWithTheLatestPointAWindowEarlier() {
        // 24 h: day 4 against day 3: 1200 / 1089 - 1 = 10.19284 %.
        assertThat(week.returnPercent(Duration.ofHours(24)).getAsDouble()).isCloseTo(10.192837, within(1e-6));
        // 36 h: the latest point at or before day 2.5 is day 2: 1200 / 990 - 1 = 21.21212 %.
        assertThat(week.returnPercent(Duration.ofHours(36)).getAsDouble()).isCloseTo(21.212121, within(1e-6));
        // 7 d: the history covers 4 days only.
        assertThat(week.returnPercent(Duration.ofDays(7))).isEmpty();
    }

    @Test
    void drawdownsAreMeasuredFromThePeak() {
        // The last value is the peak: no current drawdown. The worst fall: 1100 -> 990 = 10 %.
        assertThat(week.currentDrawdownPercent().getAsDouble()).isZero();
        assertThat(week.maxDrawdownPercent().getAsDouble()).isCloseTo(10.0, within(1e-9));
        PortfolioPerformance falling =
                new PortfolioPerformance(List.of(point(0, 1000), point(1, 1200), point(2, 900), point(3, 960)));
        // Peak 1200; now 960: 20 %. Worst: 1200 -> 900 = 25 %.
        assertThat(falling.currentDrawdownPercent().getAsDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(falling.maxDrawdownPercent().getAsDouble()).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void volatilityIsTheSampleStandardDeviationOfThePeriodReturns() {
        // Returns: +10, -10, +10, +10.19284 %; mean 5.04821; deviations 4.95179, -15.04821, 4.95179, 5.14463;
        // squares 24.52023, 226.44862, 24.52023, 26.46722 = 301.95630; / 3 = 100.65210; sqrt = 10.03255.
        assertThat(week.volatilityPercent().getAsDouble()).isCloseTo(10.03255, within(1e-4));
        assertThat(new PortfolioPerformance(List.of(point(0, 1), point(1, 2))).volatilityPercent())
                .as("one return has no spread")
                .isEmpty();
    }

    @Test
    void aSnapshotRefusesTwoPointsAtOneTimeAndTooLongAHistory() {
        assertThatThrownBy(() -> ComponentSnapshot.builder(T0)
                        .portfolioPoint(T0, 1)
                        .portfolioPoint(T0, 2)
                        .build())
                .hasMessageContaining("two points at");
        ComponentSnapshotBuilder tooLong = ComponentSnapshot.builder(T0);
        for (int i = 0; i <= ComponentSnapshot.MAX_PORTFOLIO_POINTS; i++) {
            tooLong.portfolioPoint(T0.plusSeconds(i), 1);
        }
        assertThatThrownBy(tooLong::build).hasMessageContaining("at most 1000 points");
        assertThatThrownBy(() -> new PortfolioPoint(T0, -1)).hasMessageContaining(">= 0");
    }

    private static PortfolioPoint point(int day, double value) {
        return new PortfolioPoint(T0.plus(Duration.ofDays(day)), value);
    }
}
