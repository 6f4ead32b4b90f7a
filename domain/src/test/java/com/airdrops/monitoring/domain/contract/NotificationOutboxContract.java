package com.airdrops.monitoring.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertEvent;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.model.notification.OutboxStatus;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.NotificationOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox written with alert transitions and worked by delivery; each implementation's test extends this class. */
public abstract class NotificationOutboxContract {
    private static final Instant NOW = Instant.now();
    private AlertRepository repository;
    private NotificationOutbox outbox;

    /** The alert repository and the outbox over one empty storage: what the repository saves, the outbox holds. */
    public record Storage(AlertRepository repository, NotificationOutbox outbox) {}

    protected abstract Storage newStorage();

    @BeforeEach
    void create() {
        Storage storage = newStorage();
        repository = storage.repository();
        outbox = storage.outbox();
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
    void anAcknowledgementSentToAChannelStaysAnAcknowledgement() {
        Alert firing = notification("pd").alerts().getFirst();
        Alert acknowledged = firing.withEvent(AlertEvent.ACKNOWLEDGED);
        Notification notification = new Notification("event-ack", "pd", List.of(acknowledged), 0);
        save(notification);

        assertThat(outbox.due("pd", NOW.plusSeconds(1), 10))
                .singleElement()
                .satisfies(entry -> assertThat(
                                entry.notification().alerts().getFirst().event())
                        .isEqualTo(AlertEvent.ACKNOWLEDGED));
    }

    @Test
    void aRetryWaitsUntilItsTimeAndKeepsItsAttemptsAndError() {
        save(notification("webhook"));
        long id = outbox.due("webhook", NOW.plusSeconds(1), 10).getFirst().id();

        outbox.markRetry(id, 1, "HTTP 500", NOW.plusSeconds(1), NOW.plusSeconds(60));

        assertThat(outbox.due("webhook", NOW.plusSeconds(59), 10)).isEmpty();
        assertThat(outbox.due("webhook", NOW.plusSeconds(60), 10))
                .singleElement()
                .satisfies(entry -> {
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
        assertThat(outbox.find(due.get(0).id()))
                .get()
                .extracting(OutboxEntry::status)
                .isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.dead(10)).singleElement().satisfies(entry -> {
            assertThat(entry.attempts()).isEqualTo(5);
            assertThat(entry.lastError()).contains("HTTP 500");
        });

        assertThat(outbox.replay(due.get(2).id(), NOW)).isTrue();
        assertThat(outbox.replay(due.get(0).id(), NOW))
                .as("only dead rows replay")
                .isFalse();
        assertThat(outbox.due("a", NOW.plusSeconds(1), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(due.get(2).id());
            assertThat(entry.attempts()).isZero();
        });
    }

    @Test
    void aClaimedRowIsNotDueForAnyoneElseUntilItsClaimEndsAndAReleasedOneIsDueAgain() {
        save(notification("a"), notification("a"));
        Instant claimUntil = NOW.plusSeconds(30);

        List<OutboxEntry> claimed = outbox.claimDue("a", NOW.plusSeconds(1), claimUntil, 1);

        assertThat(claimed).hasSize(1);
        assertThat(outbox.claimDue("a", NOW.plusSeconds(1), claimUntil, 10))
                .as("a second worker gets the other row only")
                .extracting(OutboxEntry::id)
                .doesNotContain(claimed.getFirst().id())
                .hasSize(1);
        assertThat(outbox.claimDue("a", NOW.plusSeconds(29), claimUntil, 10)).isEmpty();
        assertThat(outbox.claimDue("a", claimUntil, claimUntil.plusSeconds(30), 1))
                .as("a worker that died: its claim ends and the row is due again, with its attempts")
                .singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isZero());

        List<OutboxEntry> later = outbox.claimDue("a", claimUntil, claimUntil.plusSeconds(30), 10);
        outbox.release(later.stream().map(OutboxEntry::id).toList(), claimUntil);
        assertThat(outbox.due("a", claimUntil, 10)).hasSize(later.size());
    }

    @Test
    void concurrentWorkersNeverClaimTheSameRow() throws Exception {
        int rows = 200;
        Notification[] notifications = new Notification[rows];
        for (int i = 0; i < rows; i++) {
            notifications[i] = notification("a");
        }
        save(notifications);
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = new CopyOnWriteArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                runs.add(workers.submit(() -> {
                    List<OutboxEntry> batch;
                    do {
                        batch = outbox.claimDue("a", NOW.plusSeconds(1), NOW.plusSeconds(600), 7);
                        for (OutboxEntry entry : batch) {
                            if (!claimed.add(entry.id())) {
                                duplicates.add(entry.id());
                            }
                            outbox.markSent(entry.id(), 1, NOW);
                        }
                    } while (!batch.isEmpty());
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(duplicates).as("rows claimed twice").isEmpty();
        assertThat(claimed).hasSize(rows);
    }

    @Test
    void pruningDeletesOldSettledRowsAndOlderDeadLettersButNeverPendingOnes() {
        save(notification("a"), notification("a"), notification("a"), notification("a"));
        List<OutboxEntry> due = outbox.due("a", NOW.plusSeconds(1), 10);
        Instant hourAgo = NOW.minusSeconds(3_600);
        outbox.markSent(due.get(0).id(), 1, hourAgo);
        outbox.markFolded(List.of(due.get(1).id()), hourAgo);
        outbox.markDead(due.get(2).id(), 5, "HTTP 400", hourAgo);

        assertThat(outbox.prune(NOW, hourAgo))
                .as("sent and folded an hour ago; the dead letter is kept longer")
                .isEqualTo(2);
        assertThat(outbox.find(due.get(0).id())).isEmpty();
        assertThat(outbox.find(due.get(2).id())).isPresent();
        assertThat(outbox.prune(NOW, NOW)).isEqualTo(1);
        assertThat(outbox.depth()).as("the pending row stays").isEqualTo(1);
        assertThat(outbox.find(due.get(3).id())).isPresent();
    }

    @Test
    void deadLettersComeInPagesCutByRowsOrPayloadNewestFirst() {
        save(notification("a"), notification("a"), notification("a"));
        List<OutboxEntry> due = outbox.due("a", NOW.plusSeconds(1), 10);
        due.forEach(entry -> outbox.markDead(entry.id(), 5, "HTTP 400", NOW));

        var first = outbox.dead(java.util.Optional.empty(), 2, Long.MAX_VALUE);
        assertThat(first.entries())
                .extracting(OutboxEntry::id)
                .containsExactly(due.get(2).id(), due.get(1).id());
        assertThat(first.next()).hasValue(due.get(1).id());
        var second = outbox.dead(first.next(), 2, Long.MAX_VALUE);
        assertThat(second.entries())
                .extracting(OutboxEntry::id)
                .containsExactly(due.get(0).id());
        assertThat(second.next()).isEmpty();
        var tight = outbox.dead(java.util.Optional.empty(), 10, 1);
        assertThat(tight.entries())
                .as("a budget below one row still gives that row")
                .hasSize(1);
        assertThat(tight.next()).isPresent();
    }

    @Test
    void adoptedEntriesKeepHowTheirDeliveryWentAndAdoptingThemAgainAddsNothing() {
        Notification sent = notification("a");
        Notification retrying = notification("a");
        Notification stored = notification("a");
        save(stored);
        Instant created = NOW.minusSeconds(30);
        List<OutboxEntry> fromMemory = List.of(
                new OutboxEntry(-1, sent, OutboxStatus.SENT, 1, java.util.Optional.empty(), created, created),
                new OutboxEntry(
                        -2,
                        retrying,
                        OutboxStatus.PENDING,
                        2,
                        java.util.Optional.of("HTTP 503"),
                        NOW.plusSeconds(10),
                        created),
                new OutboxEntry(-3, stored, OutboxStatus.SENT, 1, java.util.Optional.empty(), created, created));

        outbox.adopt(fromMemory);
        outbox.adopt(fromMemory);

        assertThat(outbox.due("a", NOW.plusSeconds(1), 10))
                .as("the stored one is still due; the retrying one waits for its time")
                .extracting(entry -> entry.notification().eventId())
                .containsExactly(stored.eventId());
        assertThat(outbox.due("a", NOW.plusSeconds(10), 10)).hasSize(2).anySatisfy(entry -> {
            assertThat(entry.notification()).isEqualTo(retrying);
            assertThat(entry.attempts()).isEqualTo(2);
            assertThat(entry.lastError()).contains("HTTP 503");
            assertThat(entry.id()).isPositive();
        });
        assertThat(outbox.depth()).as("pending rows: each event once").isEqualTo(2);
        assertThat(outbox.prune(NOW, NOW)).as("the sent one was written, once").isEqualTo(1);
    }

    private void save(Notification... notifications) {
        repository.save(new AlertChanges(List.of(), List.of(), List.of(), List.of(notifications)));
    }

    private static int counter;

    private static Notification notification(String channel) {
        Instant at = Instant.ofEpochMilli(NOW.toEpochMilli());
        Alert alert = new Alert(
                "risk_critical",
                "risk_level",
                3,
                3,
                AlertSeverity.CRITICAL,
                new Firing(at.minusSeconds(60), at),
                "Risk is critical",
                at,
                Map.of("team", "risk"));
        return new Notification("event-" + (++counter) + "-" + channel, channel, List.of(alert), 0);
    }
}
