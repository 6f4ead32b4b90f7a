package com.airdrops.monitoring.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fakes.SilentNotificationPlanner;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvaluationHealthCheckTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private final TestClock clock = TestClock.at(T0);
    private final EvaluationStats stats = new EvaluationStats();
    private final Alerter alerter = new Alerter(new InMemoryAlertRepository(), clock, new SilentNotificationPlanner());
    private final EvaluationHealthCheck check =
            new EvaluationHealthCheck(alerter, stats, Duration.ofSeconds(10), clock);

    @Test
    void readyWhileThePassesKeepCompletingAndDownAfterThreeIntervalsWithoutOne() {
        clock.set(T0.plusSeconds(25));
        assertThat(check.check()).isInstanceOf(HealthCheckResult.Up.class);

        clock.set(T0.plusSeconds(31));
        assertThat(check.check())
                .isInstanceOfSatisfying(
                        HealthCheckResult.Down.class,
                        down -> assertThat(down.reason()).contains("no evaluation pass has completed"));

        stats.completed(T0.plusSeconds(31));
        assertThat(check.check()).isInstanceOf(HealthCheckResult.Up.class);
        clock.set(T0.plusSeconds(62));
        assertThat(check.check()).isInstanceOf(HealthCheckResult.Down.class);
    }
}
