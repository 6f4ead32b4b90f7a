package com.airdrops.monitoring.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.AlertChanges;
import com.airdrops.monitoring.domain.model.AlertSeverity;
import com.airdrops.monitoring.domain.model.AlertStatus;
import com.airdrops.monitoring.domain.model.Notification;
import com.airdrops.monitoring.domain.model.OutboxEntry;
import com.airdrops.monitoring.domain.model.OutboxEntry.OutboxStatus;
import com.airdrops.monitoring.domain.port.AlertRepository;
import com.airdrops.monitoring.domain.port.NotificationOutbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox written with alert transitions and worked by delivery; each implementation's test extends this class. */
public abstract class NotificationOutboxContract {
    private static final Instant NOW = Instant.now();
    private AlertRepository repository;
    private NotificationOutbox outbox;

    /** A repository over empty storage that is also the outbox. */
    protected abstract AlertRepository newRepository();

    @BeforeEach
    void create() {
        repository = newRepository();
        outbox = (NotificationOutbox) repository;
    }

    @Test
    void notificationsSavedWithTransitionsAreDueForTheirChannelWithEveryField() {
        Notification webhook = notification("webhook");
        save(webhook, notification("slack"));

        List<OutboxEntry> due = outbox.due("webhook", NOW.plusSeconds(1), 10);

        assertThat(due).singleElement().satisfies(entry -> {
            assertThat(entry.notification()).isEqualTo(webhook);
            assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(entry.attempts()).isZero();
        });
        assertThat(outbox.depth()).isEqualTo(2);
    }

    @Test
    void aRetryWaitsUntilItsTimeAndKeepsItsAttemptsAndError() {
        save(notification("webhook"));
        long id = outbox.due("webhook", NOW.plusSeconds(1), 10).getFirst().id();

        outbox.markRetry(id, 1, "HTTP 500", NOW.plusSeconds(60));

        assertThat(outbox.due("webhook", NOW.plusSeconds(59), 10)).isEmpty();
        assertThat(outbox.due("webhook", NOW.plusSeconds(60), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).contains("HTTP 500");
        });
    }

    @Test
    void sentFoldedAndDeadRowsAreNoLongerDueAndDeadOnesCanBeReplayed() {
        save(notification("a"), notification("a"), notification("a"));
        List<OutboxEntry> due = outbox.due("a", NOW.plusSeconds(1), 10);

        outbox.markSent(due.get(0).id(), 1, NOW);
        outbox.markFolded(List.of(due.get(1).id()), NOW);
        outbox.markDead(due.get(2).id(), 5, "HTTP 500", NOW);

        assertThat(outbox.due("a", NOW.plusSeconds(1), 10)).isEmpty();
        assertThat(outbox.depth()).isZero();
        assertThat(outbox.find(due.get(0).id())).get().extracting(OutboxEntry::status).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.dead(10)).singleElement().satisfies(entry -> {
            assertThat(entry.attempts()).isEqualTo(5);
            assertThat(entry.lastError()).contains("HTTP 500");
        });

        assertThat(outbox.replay(due.get(2).id(), NOW)).isTrue();
        assertThat(outbox.replay(due.get(0).id(), NOW)).as("only dead rows replay").isFalse();
        assertThat(outbox.due("a", NOW.plusSeconds(1), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(due.get(2).id());
            assertThat(entry.attempts()).isZero();
        });
    }

    private void save(Notification... notifications) {
        repository.save(new AlertChanges(List.of(), List.of(), List.of(), List.of(notifications)));
    }

    private static int counter;

    private static Notification notification(String channel) {
        Alert alert = new Alert("risk_critical", "risk_level", 3, 3, AlertSeverity.CRITICAL, AlertStatus.FIRING,
                "Risk is critical", Instant.ofEpochMilli(NOW.toEpochMilli()), Map.of("team", "risk"),
                Optional.of(Instant.ofEpochMilli(NOW.toEpochMilli())), Optional.empty());
        return new Notification("event-" + (++counter) + "-" + channel, channel, List.of(alert), 0);
    }
}
