package com.airdrops.monitoring.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.model.alert.WindowFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SeriesWindowTest {
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private final SeriesWindow window = new SeriesWindow(Duration.ofSeconds(600), true);

    @Test
    void everyFunctionReadsTheSamplesOfTheWindowWithACounterResetCounted() {
        double[] values = {10, 12, 15, 2, 5, 5};
        for (int i = 0; i < values.length; i++) {
            window.add(T0.plusSeconds(100L * i), values[i]);
        }
        Instant now = T0.plusSeconds(500);

        assertThat(read(WindowFunction.INCREASE, now))
                .as("2 + 3 + 2 after the reset + 3")
                .isEqualTo(10);
        assertThat(read(WindowFunction.RATE, now)).isEqualTo(10.0 / 600);
        assertThat(read(WindowFunction.DELTA, now)).isEqualTo(-5);
        assertThat(read(WindowFunction.AVG, now)).isEqualTo(49.0 / 6);
        assertThat(read(WindowFunction.MIN, now)).isEqualTo(2);
        assertThat(read(WindowFunction.MAX, now)).isEqualTo(15);
        assertThat(read(WindowFunction.LAST_OVER, now)).isEqualTo(5);
        assertThat(read(WindowFunction.COUNT_OVER, now)).isEqualTo(6);
        assertThat(read(WindowFunction.CHANGES, now)).isEqualTo(4);
    }

    @Test
    void onAGaugeAFallIsNotAResetButNoRise() {
        SeriesWindow gauge = new SeriesWindow(Duration.ofSeconds(600), false);
        double[] values = {50, 50, 49, 48, 51};
        for (int i = 0; i < values.length; i++) {
            gauge.add(T0.plusSeconds(10L * i), values[i]);
        }
        assertThat(gauge.read(WindowFunction.INCREASE, T0.plusSeconds(60)))
                .as("the bot forgot two old failures, then three new ones came: not 49 + 48 + 3")
                .hasValue(3);
    }

    @Test
    void aSeriesWindowHasFilledOverAfterItsFirstSample() {
        window.add(T0.plusSeconds(100), 1);
        assertThat(window.filledAt(T0.plusSeconds(699))).isFalse();
        assertThat(window.filledAt(T0.plusSeconds(700))).isTrue();
    }

    @Test
    void atASubWindowBoundaryTheWindowIsExactlyOverLongAndClosedAtBothEnds() {
        window.add(T0, 0);
        window.add(T0.plusSeconds(600), 3);

        assertThat(read(WindowFunction.INCREASE, T0.plusSeconds(600)))
                .as("[now - 600 s, now] holds both")
                .isEqualTo(3);
        assertThat(window.read(WindowFunction.INCREASE, T0.plusSeconds(620)))
                .as("one sub-window (20 s) later the first has left: one sample is no increase")
                .isEmpty();
        assertThat(read(WindowFunction.COUNT_OVER, T0.plusSeconds(610)))
                .as("between boundaries, up to one sub-window more is read")
                .isEqualTo(2);
        assertThat(window.emptyAt(T0.plusSeconds(1_200))).isFalse();
        assertThat(window.emptyAt(T0.plusSeconds(1_220))).isTrue();
    }

    @Test
    void aSampleNotNewerThanTheLastOrNotFiniteIsIgnored() {
        assertThat(window.add(T0.plusSeconds(10), 1)).isTrue();
        assertThat(window.add(T0.plusSeconds(10), 7)).isFalse();
        assertThat(window.add(T0.plusSeconds(5), 7)).isFalse();
        assertThat(window.add(T0.plusSeconds(20), Double.NaN)).isFalse();
        assertThat(read(WindowFunction.COUNT_OVER, T0.plusSeconds(30))).isEqualTo(1);
    }

    @Test
    void aClockSetBackByMoreThanTheWindowStartsTheWindowAgainInsteadOfIgnoringEverySample() {
        window.add(T0.plusSeconds(7_200), 50);
        window.add(T0.plusSeconds(7_210), 51);
        assertThat(window.add(T0.plusSeconds(10), 0))
                .as("two hours back: the clock was stepped")
                .isTrue();
        window.add(T0.plusSeconds(20), 3);
        assertThat(read(WindowFunction.INCREASE, T0.plusSeconds(20))).isEqualTo(3);
        assertThat(read(WindowFunction.COUNT_OVER, T0.plusSeconds(20))).isEqualTo(2);
    }

    @Test
    void manySamplesFillTheSameFixedSubWindows() {
        for (int i = 0; i < 36_000; i++) {
            window.add(T0.plusMillis(100L * i), i % 2);
        }
        Instant now = T0.plusSeconds(3_600);
        assertThat(read(WindowFunction.COUNT_OVER, now))
                .as("the last 600 s at 10 samples a second")
                .isEqualTo(6_000);
        assertThat(read(WindowFunction.INCREASE, now)).isEqualTo(3_000);
        assertThat(read(WindowFunction.CHANGES, now)).isEqualTo(5_999);
    }

    private double read(WindowFunction function, Instant now) {
        OptionalDouble value = window.read(function, now);
        assertThat(value).isPresent();
        return value.getAsDouble();
    }
}
