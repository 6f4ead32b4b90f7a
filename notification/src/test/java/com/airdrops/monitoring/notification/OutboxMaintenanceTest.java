package com.airdrops.monitoring.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fixtures.Alerts;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxMaintenanceTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private final TestClock clock = TestClock.at(T0);
    private final InMemoryAlertRepository outbox = new InMemoryAlertRepository();
    private final DeliveryStats stats = new DeliveryStats(List.of("hook"));
    private final OutboxMaintenance maintenance =
            new OutboxMaintenance(outbox, stats, clock, Duration.ofHours(24), Duration.ofDays(30));

    @Test
    void sentRowsArePrunedAfterTheRetentionCountedAndTheDepthIsReportedWithoutAQueryPerScrape() {
        outbox.save(new AlertChanges(
                List.of(),
                List.of(),
                List.of(),
                List.of(
                        new Notification("e1", "hook", List.of(Alerts.firing()), 0),
                        new Notification("e2", "hook", List.of(Alerts.firing()), 0))));
        OutboxEntry sent = outbox.due("hook", T0, 10).getFirst();
        outbox.markSent(sent.id(), 1, T0);

        maintenance.round();
        assertThat(value("monitoring_notification_outbox_depth")).isEqualTo(1);
        assertThat(value("monitoring_notification_outbox_pruned_total")).isZero();

        clock.set(T0.plus(Duration.ofHours(25)));
        maintenance.round();
        assertThat(outbox.find(sent.id())).as("sent a day and an hour ago").isEmpty();
        assertThat(value("monitoring_notification_outbox_pruned_total")).isEqualTo(1);
        assertThat(value("monitoring_notification_outbox_depth"))
                .as("the pending row stays")
                .isEqualTo(1);
    }

    private double value(String name) {
        return stats.samples(clock.instant()).stream()
                .filter(sample -> sample.name().equals(name))
                .mapToDouble(Sample::value)
                .sum();
    }
}
