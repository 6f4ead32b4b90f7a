package com.airdrops.monitoring.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fixtures.Policies;
import com.airdrops.monitoring.domain.fixtures.Rules;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.model.notification.OutboxStatus;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The dispatch policy end to end in memory: evaluation passes fill the outbox, channel deliveries work it. */
class NotificationDispatchTest {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final NotificationPolicy POLICY = Policies.STANDARD;

    private final TestClock clock = TestClock.at(T0);
    private final InMemoryAlertRepository repository = new InMemoryAlertRepository();

    @Test
    void firingAndResolvedAreRoutedBySeverityAndGroupedPerChannelAndPass() {
        Alerter alerter = alerter(POLICY, route("ops", AlertSeverity.HIGH, AlertSeverity.CRITICAL), route("audit"));
        alerter.loadAlertRules(List.of(
                Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL),
                Rules.atLeastThree("cpu", "cpu", AlertSeverity.LOW)));

        pass(alerter, 0, Sample.of("risk_level", 3, T0), Sample.of("cpu", 3, T0));

        Map<String, List<Notification>> due = dueByChannel("ops", "audit");
        assertThat(due.get("ops"))
                .singleElement()
                .satisfies(
                        n -> assertThat(n.alerts()).extracting(Alert::ruleName).containsExactly("risk"));
        assertThat(due.get("audit"))
                .singleElement()
                .satisfies(n ->
                        assertThat(n.alerts()).extracting(Alert::ruleName).containsExactlyInAnyOrder("risk", "cpu"));

        pass(alerter, 10, Sample.of("risk_level", 0, T0), Sample.of("cpu", 3, T0));
        assertThat(repository.due("ops", clock.instant(), 10))
                .hasSize(2)
                .last()
                .satisfies(n -> assertThat(n.notification().groupStatus()).isEqualTo(AlertStatus.RESOLVED));
    }

    @Test
    void aFiringAlertIsNotSentAgainBeforeTheRepeatIntervalNorAfterARestart() {
        NotificationPolicy policy = new NotificationPolicy(
                false,
                Duration.ofSeconds(60),
                30,
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(2));
        Alerter alerter = alerter(policy, route("ops"));
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));

        pass(alerter, 0, Sample.of("risk_level", 3, T0));
        pass(alerter, 30, Sample.of("risk_level", 3, T0));
        assertThat(repository.due("ops", clock.instant(), 10)).hasSize(1);
        pass(alerter, 60, Sample.of("risk_level", 3, T0));
        assertThat(repository.due("ops", clock.instant(), 10))
                .as("a reminder after repeat_interval")
                .hasSize(2);

        Alerter restarted = alerter(policy, route("ops"));
        restarted.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        pass(restarted, 90, Sample.of("risk_level", 3, T0));
        assertThat(repository.due("ops", clock.instant(), 10))
                .as("nothing announced again after a restart")
                .hasSize(2);
        pass(restarted, 100, Sample.of("risk_level", 0, T0));
        assertThat(repository.due("ops", clock.instant(), 10))
                .as("send_resolved: false")
                .hasSize(2);
    }

    @Test
    void aChannelAnswering500ThreeTimesGetsTheNotificationOnTheFourthAttempt() {
        Alerter alerter = alerter(POLICY, route("hook"));
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        pass(alerter, 0, Sample.of("risk_level", 3, T0));
        ScriptedNotifier notifier = new ScriptedNotifier(List.of(
                DeliveryOutcome.retry("HTTP 500"),
                DeliveryOutcome.retry("HTTP 500"),
                DeliveryOutcome.retry("HTTP 500"),
                DeliveryOutcome.delivered()));
        ChannelDelivery delivery = delivery("hook", notifier, POLICY);

        for (int round = 0; round < 4; round++) {
            delivery.deliverDue();
            clock.set(clock.instant().plusSeconds(60)); // past any backoff
        }

        OutboxEntry entry = repository.find(1).orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(entry.attempts()).isEqualTo(4);
        assertThat(notifier.received)
                .hasSize(4)
                .extracting(Notification::eventId)
                .containsOnly(entry.notification().eventId());
    }

    @Test
    void aMessageToRetryHoldsItsChannelSoTheResolutionNeverOvertakesTheFiring() {
        Alerter alerter = alerter(POLICY, route("pd"));
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        ScriptedNotifier notifier = new ScriptedNotifier(
                List.of(new DeliveryOutcome.RetryLater("HTTP 429", Optional.of(Duration.ofSeconds(10)))));
        ChannelDelivery delivery = delivery("pd", notifier, POLICY);
        pass(alerter, 0, Sample.of("risk_level", 3, T0));
        delivery.deliverDue(); // the FIRING: 429, retry in 10 s

        pass(alerter, 2, Sample.of("risk_level", 1, T0));
        assertThat(delivery.deliverDue())
                .as("the RESOLVED waits behind the FIRING")
                .isZero();
        clock.set(T0.plusSeconds(9));
        assertThat(delivery.deliverDue())
                .as("and so does everything while the service asked to wait")
                .isZero();

        clock.set(T0.plusSeconds(12));
        delivery.deliverDue();
        assertThat(notifier.received)
                .extracting(notification -> notification.groupStatus().wireName())
                .containsExactly("firing", "firing", "resolved");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndHonoursRetryAfter() {
        assertThat(ChannelDelivery.backoff(1, POLICY, 0.5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(ChannelDelivery.backoff(3, POLICY, 0.5)).isEqualTo(Duration.ofMillis(4000));
        assertThat(ChannelDelivery.backoff(10, POLICY, 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ChannelDelivery.backoff(1, POLICY, 0.0)).as("-20 %").isEqualTo(Duration.ofMillis(800));
        assertThat(ChannelDelivery.backoff(1, POLICY, 1.0)).as("+20 %").isEqualTo(Duration.ofMillis(1200));
        assertThat(ChannelDelivery.backoff(10, POLICY, 1.0))
                .as("jitter never goes past max_backoff")
                .isEqualTo(Duration.ofSeconds(60));

        Alerter alerter = alerter(POLICY, route("hook"));
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        pass(alerter, 0, Sample.of("risk_level", 3, T0));
        ScriptedNotifier limited = new ScriptedNotifier(
                List.of(new DeliveryOutcome.RetryLater("HTTP 429", Optional.of(Duration.ofSeconds(30)))));
        delivery("hook", limited, POLICY).deliverDue();
        assertThat(repository.due("hook", clock.instant().plusSeconds(29), 10)).isEmpty();
        assertThat(repository.due("hook", clock.instant().plusSeconds(30), 10)).hasSize(1);
    }

    @Test
    void afterMaxAttemptsOrANonRetryableFailureTheRowIsDeadLettered() {
        NotificationPolicy twoAttempts = Policies.maxAttempts(2);
        Alerter alerter = alerter(twoAttempts, route("hook"), route("bad"));
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        pass(alerter, 0, Sample.of("risk_level", 3, T0));
        ChannelDelivery hook = delivery(
                "hook",
                new ScriptedNotifier(List.of(DeliveryOutcome.retry("HTTP 500"), DeliveryOutcome.retry("HTTP 503"))),
                twoAttempts);
        ChannelDelivery bad =
                delivery("bad", new ScriptedNotifier(List.of(DeliveryOutcome.rejected("HTTP 400"))), twoAttempts);

        hook.deliverDue();
        clock.set(clock.instant().plusSeconds(60));
        hook.deliverDue();
        bad.deliverDue();

        assertThat(repository.dead(10))
                .extracting(
                        entry -> entry.notification().channel(),
                        OutboxEntry::attempts,
                        entry -> entry.lastError().orElseThrow())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("hook", 2, "HTTP 503"),
                        org.assertj.core.groups.Tuple.tuple("bad", 1, "HTTP 400"));
    }

    @Test
    void overflowBeyondTheRateLimitIsFoldedIntoOneDigestAndNothingIsDropped() {
        NotificationPolicy fivePerMinute = Policies.ratePerMinute(5);
        Alerter alerter = alerter(fivePerMinute, route("chat"));
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rules.add(Rules.atLeastThree("rule_" + i, "m_" + i, AlertSeverity.HIGH));
        }
        alerter.loadAlertRules(rules);
        List<Sample> firing = new ArrayList<>();
        for (int second = 0; second < 12; second++) {
            firing.add(Sample.of("m_" + second, 3, T0)); // one new firing alert per pass: 12 messages
            pass(alerter, second, firing.toArray(Sample[]::new));
        }
        ScriptedNotifier notifier = new ScriptedNotifier(List.of());

        delivery("chat", notifier, fivePerMinute).deliverDue();

        assertThat(notifier.received).hasSize(6);
        assertThat(notifier.received.subList(0, 5)).noneMatch(Notification::isDigest);
        Notification digest = notifier.received.get(5);
        assertThat(digest.foldedMessages()).isEqualTo(7);
        assertThat(digest.alerts()).hasSize(7);
        assertThat(repository.depth()).isZero();
    }

    @Test
    void aDigestTheChannelRejectsDeadLettersTheMessagesItCarried() {
        NotificationPolicy fivePerMinute = Policies.ratePerMinute(5);
        ChannelDelivery delivery = overflowingChat(
                fivePerMinute,
                12,
                List.of(
                        DeliveryOutcome.delivered(),
                        DeliveryOutcome.delivered(),
                        DeliveryOutcome.delivered(),
                        DeliveryOutcome.delivered(),
                        DeliveryOutcome.delivered(),
                        DeliveryOutcome.rejected("HTTP 400")));

        delivery.deliverDue();

        assertAllDeadLettered(7, 1, "digest: HTTP 400");
    }

    @Test
    void aDigestThatKeepsFailingDeadLettersEachMessageAtItsMaxAttempts() {
        NotificationPolicy onePerMinute = Policies.ratePerMinute(1); // and 5 attempts
        List<DeliveryOutcome> script = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            script.add(DeliveryOutcome.delivered()); // the minute's one message on its own
            script.add(DeliveryOutcome.retry("HTTP 503")); // the digest of the rest
        }
        ChannelDelivery delivery = overflowingChat(onePerMinute, 12, script);

        for (int minute = 0; minute < 4; minute++) {
            delivery.deliverDue();
            assertThat(repository.dead(100)).as("after digest %d", minute + 1).isEmpty();
            clock.set(clock.instant().plusSeconds(61));
        }
        delivery.deliverDue();

        assertAllDeadLettered(7, 5, "digest: HTTP 503"); // the messages left in the fifth failed digest
    }

    /** {@code count} dead letters, each after {@code attempts} attempts with {@code error}, and nothing left queued. */
    private void assertAllDeadLettered(int count, int attempts, String error) {
        assertThat(repository.dead(100)).hasSize(count).allSatisfy(entry -> {
            assertThat(entry.attempts()).isEqualTo(attempts);
            assertThat(entry.lastError()).contains(error);
        });
        assertThat(repository.depth()).isZero();
    }

    /** A chat channel at {@code policy} with {@code messages} one-alert messages due, and a notifier playing {@code script}. */
    private ChannelDelivery overflowingChat(NotificationPolicy policy, int messages, List<DeliveryOutcome> script) {
        Alerter alerter = alerter(policy, route("chat"));
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            rules.add(Rules.atLeastThree("rule_" + i, "m_" + i, AlertSeverity.HIGH));
        }
        alerter.loadAlertRules(rules);
        List<Sample> firing = new ArrayList<>();
        for (int second = 0; second < messages; second++) {
            firing.add(Sample.of("m_" + second, 3, T0)); // one new firing alert per pass: one message each
            pass(alerter, second, firing.toArray(Sample[]::new));
        }
        return delivery("chat", new ScriptedNotifier(script), policy);
    }

    @Test
    void aThousandAlertsFiringInOnePassGiveAtMostTheRateLimitPlusOneDigest() {
        NotificationPolicy threePerMinute = Policies.ratePerMinute(3);
        Alerter alerter = alerter(threePerMinute, route("chat"));
        alerter.loadAlertRules(List.of(Rules.atLeastThree("balance_low", "wallet_balance", AlertSeverity.HIGH)));
        List<Sample> wallets = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            wallets.add(new Sample("wallet_balance", Map.of("wallet", "w" + i), 5, T0));
        }
        pass(alerter, 0, wallets.toArray(Sample[]::new));
        ScriptedNotifier notifier = new ScriptedNotifier(List.of());
        ChannelDelivery delivery = delivery("chat", notifier, threePerMinute);

        delivery.deliverDue();
        delivery.deliverDue(); // a second round within the same minute sends nothing more

        assertThat(repository.find(1).orElseThrow().notification().alerts())
                .hasSize(RoutingNotificationPlanner.MAX_ALERTS_PER_MESSAGE);
        assertThat(notifier.received).hasSize(3 + 1);
        Notification digest = notifier.received.get(3);
        assertThat(digest.foldedMessages()).isEqualTo(7);
        assertThat(digest.alerts()).hasSize(700);
        assertThat(notifier.received.stream().mapToInt(n -> n.alerts().size()).sum())
                .as("every alert delivered")
                .isEqualTo(1_000);
        assertThat(repository.depth()).isZero();
    }

    @Test
    void aReplacedSetupAppliesToTheNextPassAndTheNextDeliveryRound() {
        NotificationPolicy onePerMinute = Policies.ratePerMinute(1);
        LiveRouting setup = live(onePerMinute, route("chat", AlertSeverity.CRITICAL));
        Alerter alerter = new Alerter(repository, clock, new RoutingNotificationPlanner(setup));
        alerter.loadAlertRules(List.of(
                Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL),
                Rules.atLeastThree("risk2", "risk_level2", AlertSeverity.CRITICAL),
                Rules.atLeastThree("cpu", "cpu", AlertSeverity.LOW)));
        ScriptedNotifier notifier = new ScriptedNotifier(List.of());
        ChannelDelivery delivery = delivery("chat", notifier, setup);
        pass(alerter, 0, Sample.of("risk_level", 3, T0));
        delivery.deliverDue();
        assertThat(notifier.received).hasSize(1);

        NotificationPolicy sixtyPerMinute = Policies.ratePerMinute(60);
        setup.replace(new NotificationRouting(
                List.of(route("chat", AlertSeverity.LOW, AlertSeverity.CRITICAL)), sixtyPerMinute, Map.of()));
        pass(alerter, 2, Sample.of("risk_level", 3, T0), Sample.of("risk_level2", 3, T0), Sample.of("cpu", 3, T0));
        delivery.deliverDue();

        assertThat(notifier.received)
                .as("sent at once under the new limit, not folded into a digest")
                .hasSize(2)
                .noneMatch(Notification::isDigest);
        assertThat(notifier.received.get(1).alerts())
                .as("the new severities route the low alert too")
                .extracting(Alert::ruleName)
                .containsExactlyInAnyOrder("risk2", "cpu");
    }

    @Test
    void anAttemptThatHangsIsAbandonedAfterTheTimeout() {
        NotificationPolicy quick = Policies.attemptTimeout(Duration.ofMillis(100));
        Alerter alerter = alerter(quick, route("slow"));
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        pass(alerter, 0, Sample.of("risk_level", 3, T0));
        AlertNotifier hanging = (notification, timeout) -> {
            try {
                Thread.sleep(Duration.ofMinutes(1)); // a receiver that never answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryOutcome.delivered();
        };

        long started = System.nanoTime();
        delivery("slow", hanging, quick).deliverDue();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(repository.find(1).orElseThrow().lastError())
                .hasValueSatisfying(error -> assertThat(error).startsWith("timed out"));
    }

    private Alerter alerter(NotificationPolicy policy, ChannelRoute... routes) {
        return new Alerter(repository, clock, new RoutingNotificationPlanner(live(policy, routes)));
    }

    private ChannelDelivery delivery(String channel, AlertNotifier notifier, NotificationPolicy policy) {
        return delivery(channel, notifier, live(policy));
    }

    private ChannelDelivery delivery(String channel, AlertNotifier notifier, LiveRouting setup) {
        return new ChannelDelivery(
                channel, notifier, repository, setup, clock, () -> 0.5, new DeliveryStats(List.of(channel)));
    }

    private static LiveRouting live(NotificationPolicy policy, ChannelRoute... routes) {
        return new LiveRouting(new NotificationRouting(List.of(routes), policy, Map.of()));
    }

    private void pass(Alerter alerter, int seconds, Sample... samples) {
        clock.set(T0.plusSeconds(seconds));
        alerter.evaluateRules(List.of(samples));
    }

    private Map<String, List<Notification>> dueByChannel(String... channels) {
        Map<String, List<Notification>> due = new java.util.HashMap<>();
        for (String channel : channels) {
            due.put(
                    channel,
                    repository.due(channel, clock.instant(), 100).stream()
                            .map(OutboxEntry::notification)
                            .toList());
        }
        return due;
    }

    private static ChannelRoute route(String name, AlertSeverity... severities) {
        Set<AlertSeverity> set = severities.length == 0 ? EnumSet.allOf(AlertSeverity.class) : Set.of(severities);
        return new ChannelRoute(new NotificationChannel(name, "webhook", Map.of()), set, Optional.empty());
    }

    /** Answers with the scripted outcomes in order, then delivers; records what it was given. */
    private static final class ScriptedNotifier implements AlertNotifier {
        private final List<DeliveryOutcome> script;
        private final List<Notification> received = new CopyOnWriteArrayList<>();

        ScriptedNotifier(List<DeliveryOutcome> script) {
            this.script = new ArrayList<>(script);
        }

        @Override
        public synchronized DeliveryOutcome send(Notification notification, Duration timeout) {
            received.add(notification);
            return script.isEmpty() ? DeliveryOutcome.delivered() : script.removeFirst();
        }
    }
}
