package com.airdrops.monitoring.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.alerting.RuleWindows;
import com.airdrops.monitoring.alerting.Silencer;
import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fakes.InMemorySilenceStore;
import com.airdrops.monitoring.domain.fixtures.Regexes;
import com.airdrops.monitoring.domain.fixtures.Rules;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.port.driven.AckLinkVerdict;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
import com.airdrops.monitoring.domain.port.driven.FallbackOutbox;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import com.airdrops.monitoring.domain.port.driving.AckOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Silences and acknowledgements between the alerter and the planner, in memory with a fake clock: what is recorded,
 * what is sent, and when.
 */
class SilenceAndAckDispatchTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    /** Repeats every 60 s. */
    private static final NotificationPolicy POLICY = new NotificationPolicy(
            true,
            Duration.ofSeconds(60),
            1_000,
            5,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            Duration.ofSeconds(2));

    private final TestClock clock = TestClock.at(T0);
    private final InMemoryAlertRepository repository = new InMemoryAlertRepository();
    private final InMemorySilenceStore silences = new InMemorySilenceStore();
    private final Silencer silencer = new Silencer(silences, clock);

    @Test
    void theSilencesKeptHoldABoundedAmountOfRegularExpressions() {
        String regex = "=~" + "a".repeat(998) + ".*"; // 1,000 characters; four of them make a silence of 4,000
        int created = 0;
        IllegalArgumentException refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            try {
                silencer.create(
                        List.of(
                                Regexes.matcher("w1", regex),
                                Regexes.matcher("w2", regex),
                                Regexes.matcher("w3", regex),
                                Regexes.matcher("w4", regex)),
                        Optional.empty(),
                        T0.plusSeconds(3600),
                        "ops",
                        "");
                created++;
            } catch (IllegalArgumentException e) {
                refused = e;
            }
        }

        assertThat(created).as("100,000 characters: 25 regexes of 4,000").isEqualTo(25);
        assertThat(refused).hasMessageContaining("at most 100000 characters of regular expressions");
        silencer.create(List.of(Regexes.matcher("wallet", "x")), Optional.empty(), T0.plusSeconds(3600), "ops", "");
    }

    @Test
    void aSilencedAlertIsRecordedButNotSentAndIsSentOnceWhenTheSilenceIsExpired() {
        Alerter alerter = alerter(Optional.empty());
        Silence silence = silencer.create(
                List.of(Regexes.matcher("alertname", "risk")), Optional.empty(), T0.plusSeconds(3600), "ops", "");

        pass(alerter, 0);
        assertThat(alerter.getActiveAlerts())
                .singleElement()
                .satisfies(alert -> assertThat(alert.marks().silencedBy()).containsExactly(silence.id()));
        assertThat(repository.history(T0, 10))
                .singleElement()
                .satisfies(alert -> assertThat(alert.marks().silenced()).isTrue());
        pass(alerter, 120);
        assertThat(sent()).isEmpty();

        clock.set(T0.plusSeconds(130));
        silencer.whenChanged(alerter::silencesChanged);
        silencer.expire(silence.id());
        assertThat(alerter.getActiveAlerts())
                .as("shown unsilenced at once, not a pass later")
                .singleElement()
                .satisfies(alert -> assertThat(alert.marks().silencedBy()).isEmpty());
        assertThat(sent()).as("what is sent is still the passes' to decide").isEmpty();
        pass(alerter, 131);
        pass(alerter, 140);
        assertThat(sent()).containsExactly("risk firing");
    }

    @Test
    void aSilenceThatStartsLaterOrMatchesAnotherRuleHoldsNothingBack() {
        Alerter alerter = alerter(Optional.empty());
        silencer.create(
                List.of(Regexes.matcher("alertname", "risk")),
                Optional.of(T0.plusSeconds(600)),
                T0.plusSeconds(3600),
                "ops",
                "maintenance window");
        silencer.create(
                List.of(Regexes.matcher("alertname", "cpu")), Optional.empty(), T0.plusSeconds(3600), "ops", "");

        pass(alerter, 0);

        assertThat(sent()).containsExactly("risk firing");
        assertThat(silencer.samples(T0))
                .as("pending, active, set aside, read failures")
                .extracting(Sample::value)
                .containsExactly(1.0, 1.0, 0.0, 0.0);
    }

    @Test
    void aSilenceThatEndsByItselfLetsAnAlreadySentAlertThroughOnceAndARestartKeepsItSilenced() {
        Alerter alerter = alerter(Optional.empty());
        pass(alerter, 0);
        assertThat(sent()).containsExactly("risk firing");
        silencer.create(
                List.of(Regexes.matcher("severity", "!=low")), Optional.empty(), T0.plusSeconds(300), "ops", "");

        pass(alerter, 70);
        Alerter restarted = alerter(Optional.empty());
        pass(restarted, 200);
        assertThat(sent())
                .as("no repeat while silenced, before or after the restart")
                .hasSize(1);

        pass(restarted, 300);
        pass(restarted, 310);
        assertThat(sent()).containsExactly("risk firing", "risk firing");
    }

    @Test
    void anAcknowledgementStopsRepeatsUntilItEndsAndIsRecorded() {
        Alerter alerter = alerter(Optional.empty());
        pass(alerter, 0);
        String fingerprint = alerter.getActiveAlerts().getFirst().fingerprint();

        clock.set(T0.plusSeconds(10));
        AckOutcome outcome = alerter.acknowledge(fingerprint, "alice", "looking", Optional.of(T0.plusSeconds(200)));
        assertThat(outcome).isInstanceOf(AckOutcome.Acknowledged.class);
        assertThat(alerter.acknowledge(fingerprint, "bob", "", Optional.empty()))
                .isInstanceOf(AckOutcome.AlreadyAcknowledged.class);
        assertThat(alerter.acknowledge("unknown", "bob", "", Optional.empty()))
                .isInstanceOf(AckOutcome.NotActive.class);
        assertThat(repository.history(T0, 10)).first().satisfies(entry -> {
            assertThat(entry.event().wireName()).isEqualTo("acknowledged");
            assertThat(entry.marks().acknowledgement().orElseThrow().by()).isEqualTo("alice");
        });

        pass(alerter, 70);
        pass(alerter, 140);
        assertThat(sent()).as("no repeats while acknowledged").hasSize(1);
        Alerter restarted = alerter(Optional.empty());
        assertThat(restarted.getActiveAlerts().getFirst().marks().acknowledgement())
                .isPresent();

        pass(restarted, 200);
        assertThat(sent()).as("repeats resume when the acknowledgement ends").hasSize(2);
    }

    @Test
    void anAcknowledgementEndsWhenTheAlertResolves() {
        Alerter alerter = alerter(Optional.empty());
        pass(alerter, 0);
        String shortFingerprint =
                alerter.getActiveAlerts().getFirst().fingerprint().substring(0, 16);
        assertThat(alerter.acknowledge(shortFingerprint.substring(0, 15), "alice", "", Optional.empty()))
                .as("fewer than 16 characters name no alert")
                .isInstanceOf(AckOutcome.NotActive.class);
        assertThat(alerter.acknowledge(shortFingerprint, "alice", "", Optional.empty()))
                .as("the webhook's 16-character fingerprint names it")
                .isInstanceOf(AckOutcome.Acknowledged.class);

        clock.set(T0.plusSeconds(10));
        alerter.evaluateRules(List.of(Sample.of("risk_level", 0, T0)));
        pass(alerter, 20);
        pass(alerter, 90);

        assertThat(sent()).containsExactly("risk firing", "risk resolved", "risk firing", "risk firing");
    }

    @Test
    void anAcknowledgementIsSentToTheChannelsWhoseServiceTracksIncidentsOnly() {
        ChannelRoute chat = new ChannelRoute(
                new NotificationChannel("ops", "webhook", Map.of()),
                EnumSet.allOf(AlertSeverity.class),
                Optional.empty());
        ChannelRoute pager = new ChannelRoute(
                new NotificationChannel("pd", "pagerduty", Map.of()),
                EnumSet.allOf(AlertSeverity.class),
                Optional.empty());
        RoutingNotificationPlanner planner = new RoutingNotificationPlanner(
                new LiveRouting(new NotificationRouting(List.of(chat, pager), POLICY, Map.of())),
                Optional.empty(),
                Optional.of("http://agent.example/"),
                java.util.Set.of("pagerduty"));
        Alerter alerter = new Alerter(repository, clock, planner, Map.of(), silencer, FallbackOutbox.NONE, windows());
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        pass(alerter, 0);

        alerter.acknowledge(alerter.getActiveAlerts().getFirst().fingerprint(), "alice", "on it", Optional.empty());

        assertThat(sent()).as("the chat channel: the page only").containsExactly("risk firing");
        assertThat(repository.due("pd", T0.plus(Duration.ofDays(1)), 100))
                .flatExtracting(entry -> entry.notification().alerts())
                .extracting(alert -> alert.event().wireName() + " "
                        + alert.marks().pageLink().orElse(""))
                .containsExactly("transition http://agent.example/", "acknowledged http://agent.example/");
    }

    @Test
    void withAckLinksEveryFiringAlertSentCarriesItsOwnLinkAndNoOtherDoes() {
        AckLinks links = new AckLinks() {
            @Override
            public String link(String fingerprint, Instant firingSince, Instant at) {
                return "https://monitor.example.org/ack/" + fingerprint + "?since=" + firingSince.getEpochSecond()
                        + "&at=" + at.getEpochSecond();
            }

            @Override
            public AckLinkVerdict verify(
                    String fingerprint, String since, String expires, String signature, Instant at) {
                return AckLinkVerdict.TAMPERED;
            }
        };
        Alerter alerter = alerter(Optional.of(links));
        pass(alerter, 0);
        clock.set(T0.plusSeconds(10));
        alerter.evaluateRules(List.of(Sample.of("risk_level", 0, T0)));

        List<Alert> sentAlerts = entries().stream()
                .flatMap(entry -> entry.notification().alerts().stream())
                .toList();
        assertThat(sentAlerts).hasSize(2);
        assertThat(sentAlerts.get(0).marks().ackLink())
                .as("the link names the firing episode it acknowledges")
                .contains("https://monitor.example.org/ack/" + sentAlerts.get(0).fingerprint() + "?since="
                        + sentAlerts.get(0).firingSince().orElseThrow().getEpochSecond() + "&at="
                        + T0.getEpochSecond());
        assertThat(sentAlerts.get(1).marks().ackLink())
                .as("a resolved alert needs no ack")
                .isEmpty();
    }

    @Test
    void whenSilencesCannotBeReadTheLastOnesReadStayInForceAndTheFailureIsCounted() {
        AtomicBoolean down = new AtomicBoolean();
        SilenceStore flaky = new SilenceStore() {
            @Override
            public void add(Silence silence) {
                silences.add(silence);
            }

            @Override
            public Optional<Silence> expire(String id, Instant at) {
                return silences.expire(id, at);
            }

            @Override
            public List<Silence> all() {
                if (down.get()) {
                    throw new PersistenceException("database down", new IllegalStateException());
                }
                return silences.all();
            }

            @Override
            public long deleteExpiredBefore(Instant cutoff) {
                return 0;
            }
        };
        Silencer failing = new Silencer(flaky, clock);
        Alerter alerter = new Alerter(
                repository, clock, planner(Optional.empty()), Map.of(), failing, FallbackOutbox.NONE, windows());
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        failing.create(
                List.of(Regexes.matcher("alertname", "risk")), Optional.empty(), T0.plusSeconds(3600), "ops", "");
        down.set(true);

        pass(alerter, 0);

        assertThat(sent()).isEmpty();
        assertThat(failing.samples(T0))
                .filteredOn(sample -> sample.name().equals("monitoring_silence_read_failures_total"))
                .singleElement()
                .extracting(Sample::value)
                .isEqualTo(1.0);
    }

    private Alerter alerter(Optional<AckLinks> links) {
        Alerter alerter =
                new Alerter(repository, clock, planner(links), Map.of(), silencer, FallbackOutbox.NONE, windows());
        alerter.loadAlertRules(List.of(Rules.atLeastThree("risk", "risk_level", AlertSeverity.CRITICAL)));
        return alerter;
    }

    private static RoutingNotificationPlanner planner(Optional<AckLinks> links) {
        ChannelRoute route = new ChannelRoute(
                new NotificationChannel("ops", "webhook", Map.of()),
                EnumSet.allOf(AlertSeverity.class),
                Optional.empty());
        return new RoutingNotificationPlanner(
                new LiveRouting(new NotificationRouting(List.of(route), POLICY, Map.of())), links);
    }

    private void pass(Alerter alerter, int seconds) {
        clock.set(T0.plusSeconds(seconds));
        alerter.evaluateRules(List.of(Sample.of("risk_level", 3, T0)));
    }

    private List<OutboxEntry> entries() {
        return repository.due("ops", T0.plus(Duration.ofDays(1)), 100);
    }

    /** What was sent to the channel, in order: "rule status" per alert. */
    private List<String> sent() {
        return entries().stream()
                .flatMap(entry -> entry.notification().alerts().stream())
                .map(alert -> alert.ruleName() + " " + alert.status().wireName())
                .toList();
    }

    private static RuleWindows windows() {
        return new RuleWindows();
    }
}
