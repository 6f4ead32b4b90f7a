package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
import com.airdrops.monitoring.domain.port.driving.AckOutcome;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import com.airdrops.monitoring.domain.port.driving.ChannelView;
import com.airdrops.monitoring.domain.port.driving.ExpositionBody;
import com.airdrops.monitoring.domain.port.driving.NotificationAdmin;
import com.airdrops.monitoring.domain.port.driving.PushOutcome;
import com.airdrops.monitoring.domain.port.driving.ReloadOutcome;
import com.airdrops.monitoring.domain.port.driving.SilenceAdmin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A started server on a free port whose ports are stubs that record what reached them. */
final class StubbedServer implements AutoCloseable {
    static final String TOKEN = "s3cret-token";
    static final String PUSH_PATH = "/api/v1/components/risk_manager";
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** Accepted pushes by component name; only "risk_manager" is known. */
    final Map<String, ComponentSnapshot> pushes = new ConcurrentHashMap<>();
    /** Every call that reached a query port: aggregates as [start, end, name, limit], history as hours. */
    final List<Object> queries = new CopyOnWriteArrayList<>();

    static final AckLinks ACK_LINKS =
            new HmacAckLinks("k".repeat(32), "https://monitor.example.org", Duration.ofHours(1));

    /** Silences created through the API, in order. */
    final List<Silence> silences = new CopyOnWriteArrayList<>();
    /** Every acknowledgement that reached the port, as "fingerprint by comment until". */
    final List<String> acknowledgements = new CopyOnWriteArrayList<>();

    private final JavalinHttpServer server;

    /** Every 4xx answer, as the agent counts them. */
    final RefusedRequests refusals = new RefusedRequests(InstantSource.fixed(NOW));

    StubbedServer(HttpServerSettings settings) {
        server = new JavalinHttpServer(
                settings,
                new HttpServerPorts(
                        format -> ExpositionBody.of("up 1\n"),
                        Optional::empty,
                        List.of(),
                        (name, snapshot) -> {
                            if (!name.equals("risk_manager")) {
                                return new PushOutcome.UnknownComponent(name);
                            }
                            pushes.put(name, snapshot);
                            return new PushOutcome.Accepted(name);
                        },
                        (start, end, name, limit) -> {
                            queries.add(List.of(start, end, name, limit));
                            return List.of();
                        },
                        new RecordingAlertQueries(),
                        () -> new ReloadOutcome.Reloaded("nothing"),
                        new EmptyNotificationAdmin(),
                        InstantSource.fixed(NOW),
                        new RecordingSilences(),
                        new AlertAcknowledger() {
                            @Override
                            public AckOutcome acknowledge(
                                    String fingerprint, String by, String comment, Optional<Instant> until) {
                                new Acknowledgement(by, comment, NOW, until); // checks the fields as the service does
                                acknowledgements.add(fingerprint + " " + by + " " + comment + " " + until);
                                return fingerprint.equals("acked")
                                        ? new AckOutcome.AlreadyAcknowledged(
                                                new Acknowledgement("alice", "", NOW, Optional.empty()))
                                        : new AckOutcome.Acknowledged(new Alert(
                                                "risk",
                                                "risk_level",
                                                3,
                                                3,
                                                AlertSeverity.HIGH,
                                                new Firing(NOW, NOW),
                                                "",
                                                NOW,
                                                Map.of()));
                            }

                            /**
                             * Every stubbed alert fires since NOW: a link of another episode is refused, and so is
                             * one for "gone" (no such alert) or "acked" (acknowledged already).
                             */
                            @Override
                            public Optional<AckOutcome> linkRefusal(String fingerprint, Instant firingSince) {
                                if (fingerprint.equals("gone")) {
                                    return Optional.of(new AckOutcome.NotActive(fingerprint));
                                }
                                if (!firingSince.equals(NOW)) {
                                    return Optional.of(new AckOutcome.OtherEpisode(fingerprint));
                                }
                                return fingerprint.equals("acked")
                                        ? Optional.of(new AckOutcome.AlreadyAcknowledged(
                                                new Acknowledgement("alice", "", NOW, Optional.empty())))
                                        : Optional.empty();
                            }
                        },
                        Optional.of(ACK_LINKS)),
                refusals);
        server.start();
    }

    StubbedServer() {
        this(defaultSettings());
    }

    static HttpServerSettings defaultSettings() {
        return new HttpServerSettings("127.0.0.1", 0, HttpServerSettings.DEFAULT_MAX_REQUEST_BYTES, Optional.of(TOKEN));
    }

    int port() {
        return server.port();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    @Override
    public void close() {
        server.close();
    }

    /** Records the hours of each history query. */
    private final class RecordingAlertQueries implements AlertQueries {
        @Override
        public List<Alert> getActiveAlerts() {
            return List.of();
        }

        @Override
        public HistoryPage getAlertHistory(
                double hours, InstanceScope scope, Optional<HistoryCursor> after, int limit) {
            queries.add(hours);
            return new HistoryPage(List.of(), Optional.empty());
        }

        @Override
        public List<AlertRule> rules() {
            return List.of();
        }

        @Override
        public List<QuarantinedRecord> quarantined() {
            return List.of();
        }
    }

    /** Keeps what it is given; checks nothing (the service behind the port does). */
    private final class RecordingSilences implements SilenceAdmin {
        @Override
        public Silence create(
                List<LabelMatcher> matchers,
                Optional<Instant> startsAt,
                Instant endsAt,
                String createdBy,
                String comment) {
            Silence silence = new Silence(
                    "silence-" + (silences.size() + 1), matchers, startsAt.orElse(NOW), endsAt, createdBy, comment);
            silences.add(silence);
            return silence;
        }

        @Override
        public List<Silence> silences() {
            return List.copyOf(silences);
        }

        @Override
        public Optional<Silence> expire(String id) {
            return silences.stream()
                    .filter(silence -> silence.id().equals(id))
                    .findFirst()
                    .map(silence -> silence.expiredAt(NOW));
        }
    }

    /** No channels, no dead letters. */
    private static final class EmptyNotificationAdmin implements NotificationAdmin {
        @Override
        public List<ChannelView> channels() {
            return List.of();
        }

        @Override
        public com.airdrops.monitoring.domain.model.notification.DeadLetterPage deadLetters(
                Optional<Long> before, int limit) {
            return new com.airdrops.monitoring.domain.model.notification.DeadLetterPage(List.of(), Optional.empty());
        }

        @Override
        public Optional<OutboxEntry> replay(long id) {
            return Optional.empty();
        }
    }
}
