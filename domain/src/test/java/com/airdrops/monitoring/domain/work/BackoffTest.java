package com.airdrops.monitoring.domain.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Test
    void waitsDoubleFromTheFirstUpToTheMaximumAndASuccessEndsThem() {
        assertThat(backoff.due(T0)).isTrue();
        assertThat(backoff.failing()).isFalse();

        backoff.failed(T0);
        assertThat(backoff.due(T0.plusMillis(999))).isFalse();
        assertThat(backoff.due(T0.plusSeconds(1))).isTrue();
        backoff.failed(T0.plusSeconds(1));
        assertThat(backoff.due(T0.plusMillis(2_999))).isFalse();
        assertThat(backoff.due(T0.plusSeconds(3))).isTrue();
        backoff.failed(T0.plusSeconds(3)); // 4 s
        backoff.failed(T0.plusSeconds(7)); // 8 s, capped at 5
        assertThat(backoff.due(T0.plusSeconds(11))).isFalse();
        assertThat(backoff.due(T0.plusSeconds(12))).isTrue();
        assertThat(backoff.failing()).isTrue();

        backoff.succeeded();
        assertThat(backoff.failing()).isFalse();
        assertThat(backoff.due(T0)).isTrue();
        backoff.failed(T0.plusSeconds(20));
        assertThat(backoff.due(T0.plusSeconds(21))).as("back to the first wait").isTrue();
    }
}
