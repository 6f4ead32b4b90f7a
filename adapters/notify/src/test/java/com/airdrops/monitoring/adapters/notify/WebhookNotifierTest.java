package com.airdrops.monitoring.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.fixtures.Alerts;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private RecordingReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void postsAlertmanagerWebhookVersion4SignedWithTheSecret() throws Exception {
        AlertNotifier notifier = webhook(Map.of(
                "url", receiver.url("/hook").toString(), "secret", "s3cret", "headers", Map.of("X-Team", "ops")));

        assertThat(notifier.send(Alerts.notification(Alerts.firing()), TIMEOUT))
                .isInstanceOf(DeliveryOutcome.Delivered.class);

        RecordingReceiver.Request request = receiver.requests.getFirst();
        assertThat(request.header("X-Signature-256"))
                .isEqualTo("sha256=" + WebhookNotifier.hmacSha256("s3cret", request.body()));
        assertThat(request.header("X-Alert-Event-Id")).isEqualTo("event-42");
        assertThat(request.header("webhook-id")).isEqualTo("event-42");
        assertThat(request.header("webhook-signature"))
                .isEqualTo(WebhookNotifier.standardSignature(
                        "s3cret", "event-42", request.header("webhook-timestamp"), request.body()));
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isCloseTo(java.time.Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(request.header("X-Team")).isEqualTo("ops");
        JsonNode body = AlertmanagerFormat.JSON.readTree(request.body());
        assertThat(body.get("version").asText()).isEqualTo("4");
        assertThat(body.get("status").asText()).isEqualTo("firing");
        assertThat(body.get("receiver").asText()).isEqualTo("ops-hook");
        assertThat(body.get("commonLabels").get("alertname").asText()).isEqualTo("risk_level_critical");
        JsonNode alert = body.get("alerts").get(0);
        assertThat(alert.get("status").asText()).isEqualTo("firing");
        assertThat(alert.get("labels").get("severity").asText()).isEqualTo("critical");
        assertThat(alert.get("labels").get("team").asText()).isEqualTo("risk");
        assertThat(alert.get("annotations").get("description").asText())
                .isEqualTo("RiskManager reports a critical risk level");
        assertThat(alert.get("startsAt").asText()).isEqualTo("2026-11-26T12:00:03Z");
        assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.get("fingerprint").asText()).hasSize(16);
    }

    @Test
    void aResolvedAlertCarriesItsEndAndNoSecretMeansNoSignature() throws Exception {
        webhook(Map.of("url", receiver.url("/hook").toString())).send(Alerts.notification(Alerts.resolved()), TIMEOUT);

        RecordingReceiver.Request request = receiver.requests.getFirst();
        assertThat(request.header("X-Signature-256")).isNull();
        assertThat(request.header("webhook-signature")).isNull();
        JsonNode body = AlertmanagerFormat.JSON.readTree(request.body());
        assertThat(body.get("status").asText()).isEqualTo("resolved");
        assertThat(body.get("alerts").get(0).get("endsAt").asText()).isEqualTo("2026-11-26T12:10:00Z");
    }

    @Test
    void statusesMapToRetriesAndFinalFailures() {
        AlertNotifier notifier = webhook(Map.of("url", receiver.url("/hook").toString()));
        receiver.answer(500);
        receiver.answer(429, 30);
        receiver.answer(400);

        assertThat(notifier.send(Alerts.notification(Alerts.firing()), TIMEOUT))
                .isEqualTo(DeliveryOutcome.retry("HTTP 500"));
        assertThat(notifier.send(Alerts.notification(Alerts.firing()), TIMEOUT))
                .isEqualTo(new DeliveryOutcome.RetryLater("HTTP 429", Optional.of(Duration.ofSeconds(30))));
        assertThat(notifier.send(Alerts.notification(Alerts.firing()), TIMEOUT))
                .isEqualTo(DeliveryOutcome.rejected("HTTP 400"));
        assertThat(receiver.requests)
                .extracting(request -> request.header("X-Alert-Event-Id"))
                .containsOnly("event-42");
    }

    @Test
    void anUnreachableReceiverIsRetryableAndTheReasonHasNoUrl() {
        receiver.close();
        DeliveryOutcome outcome = webhook(
                        Map.of("url", receiver.url("/hook?token=abc").toString()))
                .send(Alerts.notification(Alerts.firing()), TIMEOUT);
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        DeliveryOutcome.RetryLater.class,
                        later -> assertThat(later.reason())
                                .doesNotContain("token")
                                .doesNotContain("127.0.0.1"));
    }

    @Test
    void aChannelWithoutAUrlIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> webhook(Map.of()))
                .hasMessage("config.url is required (channel 'ops-hook', type webhook)");
    }

    private static AlertNotifier webhook(Map<String, Object> config) {
        return new WebhookNotifierFactory().create(new NotificationChannel("ops-hook", "webhook", config));
    }

    /** The Standard Webhooks specification's own example: a whsec_ secret is keyed by what its base64 stands for. */
    @Test
    void theStandardSignatureMatchesTheSpecificationsExample() {
        assertThat(WebhookNotifier.standardSignature(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        "1614265330",
                        "{\"test\": 2432232314}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aWhsecSecretThatIsNotBase64IsRefusedWhenTheChannelIsMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> webhook(Map.of("url", receiver.url("/hook").toString(), "secret", "whsec_not base64!")))
                .hasMessageContaining("whsec_ must be base64");
    }

    @Test
    void theAlertsLinkBackToTheAgentsPage() throws Exception {
        var alert = Alerts.firing();
        webhook(Map.of("url", receiver.url("/hook").toString()))
                .send(
                        Alerts.notification(
                                alert.withMarks(alert.marks().withPageLink("https://monitor.example.org/"))),
                        TIMEOUT);

        JsonNode body =
                AlertmanagerFormat.JSON.readTree(receiver.requests.getFirst().body());
        assertThat(body.get("externalURL").asText()).isEqualTo("https://monitor.example.org/");
        assertThat(body.get("alerts").get(0).get("generatorURL").asText()).isEqualTo("https://monitor.example.org/");
    }
}
