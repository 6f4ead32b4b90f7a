package com.airdrops.monitoring.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.alerting.RuleWindows;
import com.airdrops.monitoring.alerting.Silencer;
import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fixtures.Policies;
import com.airdrops.monitoring.domain.fixtures.Rules;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.model.notification.OutboxStatus;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.OutboxQueue;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A database that stops answering does not stop notifications: a pass's notifications are delivered from memory at
 * once, and once the database answers again every transition and notification is written to it once, and nothing
 * already delivered is sent again.
 */
class FailOpenDeliveryTest {
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

    private final TestClock clock = TestClock.at(T0);
    private final Storage storage = new Storage();
    private final MemoryOutbox memory = new MemoryOutbox(clock);
    private final Alerter alerter = new Alerter(
            storage,
            clock,
            new RoutingNotificationPlanner(new LiveRouting(new NotificationRouting(
                    List.of(new ChannelRoute(
                            new NotificationChannel("hook", "webhook", Map.of()),
                            EnumSet.allOf(AlertSeverity.class),
                            Optional.empty())),
                    Policies.STANDARD,
                    Map.of()))),
            Map.of(),
            Silencer.none(clock),
            memory,
            new RuleWindows());
    private final Receiver receiver = new Receiver();
    private final ChannelDelivery delivery = new ChannelDelivery(
            "hook",
            receiver,
            new FailOpenOutbox("hook", storage, memory, clock),
            new LiveRouting(new NotificationRouting(List.of(), Policies.STANDARD, Map.of())),
            clock,
            () -> 0.5,
            new DeliveryStats(List.of("hook")));

    {
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
    }

    @Test
    void aFiringThatCannotBeStoredIsDeliveredAtOnceAndStoredOnceWhenTheDatabaseReturns() {
        storage.down = true;
        pass(0, 3);
        delivery.deliverDue();

        assertThat(receiver.statuses()).as("delivered during the outage").containsExactly(AlertStatus.FIRING);
        assertThat(storage.stored.history(T0.minusSeconds(1), 10)).isEmpty();

        pass(1, 3);
        delivery.deliverDue();
        storage.down = false;
        pass(40, 3); // past the writer's backoff
        delivery.deliverDue();
        delivery.deliverDue();

        assertThat(receiver.statuses()).as("not sent again").containsExactly(AlertStatus.FIRING);
        assertThat(storage.stored.history(T0.minusSeconds(1), 10))
                .extracting(Alert::status)
                .containsExactly(AlertStatus.FIRING);
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(row.notification().eventId())
                    .isEqualTo(receiver.received.getFirst().eventId());
        });
        assertThat(memory.size()).isZero();

        pass(41, 0);
        delivery.deliverDue();
        assertThat(receiver.statuses())
                .as("the next transition goes through the database as usual")
                .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    }

    @Test
    void anAttemptThatFailedInMemoryIsRetriedFromTheDatabaseWithItsAttempts() {
        storage.down = true;
        receiver.next = DeliveryOutcome.retry("HTTP 503");
        pass(0, 3);
        delivery.deliverDue();
        storage.down = false;
        clock.set(T0.plusSeconds(40));
        delivery.deliverDue();

        assertThat(receiver.received)
                .as("one failed attempt, then one delivered")
                .hasSize(2);
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(row.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aDeliveryWhoseRowCannotBeMarkedIsNotSentAgainWhenTheDatabaseReturns() {
        pass(0, 3);
        receiver.during = () -> storage.down = true; // the database goes away while the channel is called
        delivery.deliverDue();
        receiver.during = () -> false;
        storage.down = false;
        clock.set(T0.plusSeconds(40));
        delivery.deliverDue();

        assertThat(receiver.received).hasSize(1);
        assertThat(rows()).singleElement().extracting(OutboxEntry::status).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void anAgentThatStopsLeadingDropsWhatWaitsInMemory() {
        storage.down = true;
        pass(0, 3);

        alerter.standBy();

        assertThat(memory.size()).isZero();
        delivery.deliverDue();
        assertThat(receiver.received).isEmpty();
    }

    private void pass(int seconds, double risk) {
        clock.set(T0.plusSeconds(seconds));
        alerter.evaluateRules(List.of(Sample.of("risk_level", risk, clock.instant())));
    }

    private List<OutboxEntry> rows() {
        List<OutboxEntry> rows = new ArrayList<>();
        for (long id = 1; id < 100; id++) {
            storage.stored.find(id).ifPresent(rows::add);
        }
        return rows;
    }

    /** The in-memory storage, which fails every call while {@code down}, as a database that cannot be reached. */
    private static final class Storage implements AlertRepository, OutboxQueue {
        final InMemoryAlertRepository stored = new InMemoryAlertRepository();
        volatile boolean down;

        private <T> T call(Supplier<T> action) {
            if (down) {
                throw new PersistenceException("Connection refused", null);
            }
            return action.get();
        }

        private void run(Runnable action) {
            call(() -> {
                action.run();
                return null;
            });
        }

        @Override
        public List<ActiveAlert> loadActive() {
            return call(stored::loadActive);
        }

        @Override
        public void save(AlertChanges changes) {
            run(() -> stored.save(changes));
        }

        @Override
        public HistoryPage history(
                Instant since, Optional<HistoryCursor> after, int limit, long maxTextChars, InstanceScope scope) {
            return call(() -> stored.history(since, after, limit, maxTextChars, scope));
        }

        @Override
        public long deleteHistoryOlderThan(Instant cutoff) {
            return call(() -> stored.deleteHistoryOlderThan(cutoff));
        }

        @Override
        public List<OutboxEntry> due(String channel, Instant now, int limit) {
            return call(() -> stored.due(channel, now, limit));
        }

        @Override
        public List<OutboxEntry> claimDue(String channel, Instant now, Instant claimUntil, int limit) {
            return call(() -> stored.claimDue(channel, now, claimUntil, limit));
        }

        @Override
        public void release(List<Long> ids, Instant at) {
            run(() -> stored.release(ids, at));
        }

        @Override
        public void markSent(long id, int attempts, Instant at) {
            run(() -> stored.markSent(id, attempts, at));
        }

        @Override
        public void markRetry(long id, int attempts, String error, Instant at, Instant nextAttemptAt) {
            run(() -> stored.markRetry(id, attempts, error, at, nextAttemptAt));
        }

        @Override
        public void markDead(long id, int attempts, String error, Instant at) {
            run(() -> stored.markDead(id, attempts, error, at));
        }

        @Override
        public void markFolded(List<Long> ids, Instant at) {
            run(() -> stored.markFolded(ids, at));
        }

        @Override
        public void adopt(List<OutboxEntry> entries) {
            run(() -> stored.adopt(entries));
        }
    }

    /** Records what it is sent; answers {@code next} once, then delivers. */
    private static final class Receiver implements AlertNotifier {
        final List<Notification> received = new ArrayList<>();
        DeliveryOutcome next = DeliveryOutcome.delivered();
        Supplier<Boolean> during = () -> false;

        @Override
        public synchronized DeliveryOutcome send(Notification notification, Duration timeout) {
            received.add(notification);
            during.get();
            DeliveryOutcome outcome = next;
            next = DeliveryOutcome.delivered();
            return outcome;
        }

        synchronized List<AlertStatus> statuses() {
            return received.stream().map(Notification::groupStatus).toList();
        }
    }
}
