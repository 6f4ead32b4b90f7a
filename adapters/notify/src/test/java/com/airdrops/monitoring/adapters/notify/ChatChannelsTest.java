package com.airdrops.monitoring.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.fixtures.Alerts;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertEvent;
import com.airdrops.monitoring.domain.model.alert.AlertMarks;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import com.airdrops.monitoring.testkit.RecordingReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Telegram, Discord and PagerDuty: what each sends, how each reads its service's refusals, and what each keeps secret. */
class ChatChannelsTest {
    static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
    static final String ROUTING_KEY = "R0123456789abcdef0123456789abcde";
    static final String HOSTILE = "<b>x</b> @everyone *_[]()~ <!channel>";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void telegramSendsEscapedHtmlToTheTokensPathAndFitsItsLimit() throws Exception {
        try (RecordingReceiver telegram = new RecordingReceiver()) {
            AlertNotifier notifier = telegram(telegram, Map.of("message_thread_id", 42));
            assertThat(notifier.send(Alerts.notification(hostile(Alerts.firing())), TIMEOUT))
                    .isInstanceOf(DeliveryOutcome.Delivered.class);

            assertThat(telegram.requests().getFirst().path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
            JsonNode message = json(telegram, 0);
            assertThat(message.get("chat_id").asLong()).isEqualTo(-1001234567890L);
            assertThat(message.get("message_thread_id").asInt()).isEqualTo(42);
            assertThat(message.get("parse_mode").asText()).isEqualTo("HTML");
            String text = message.get("text").asText();
            assertThat(text)
                    .contains("[FIRING] risk_level_critical (critical)", "&lt;b&gt;x&lt;/b&gt;", "&lt;!channel&gt;")
                    .doesNotContain("<b>x</b>", "<!channel>");
            assertThat(message.get("reply_markup").toString()).contains("Acknowledge", "https://monitor.example/ack");

            notifier.send(long50(), TIMEOUT);
            String digest = json(telegram, 1).get("text").asText();
            assertThat(digest.length()).isLessThanOrEqualTo(TelegramNotifier.MAX_TEXT);
            assertThat(digest).containsPattern("… and \\d+ more$");
        }
    }

    @Test
    void telegramWaitsWhatA429SaysAndReportsARefusalWithoutItsToken() {
        try (RecordingReceiver telegram = new RecordingReceiver()) {
            AlertNotifier notifier = telegram(telegram, Map.of());
            telegram.answer(
                    429,
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\","
                            + "\"parameters\":{\"retry_after\":3}}");
            DeliveryOutcome limited = notifier.send(Alerts.notification(Alerts.firing()), TIMEOUT);
            assertThat(limited)
                    .isEqualTo(new DeliveryOutcome.RetryLater(
                            "HTTP 429: Too Many Requests: retry after 3", Optional.of(Duration.ofSeconds(3))));

            telegram.answer(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
            DeliveryOutcome refused = notifier.send(Alerts.notification(Alerts.firing()), TIMEOUT);
            assertThat(refused).isEqualTo(DeliveryOutcome.rejected("HTTP 400: Bad Request: chat not found"));
        }
    }

    @Test
    void telegramRefusesAMissingChatAMalformedTokenAndPlainHttpBeyondLoopback() {
        assertThatThrownBy(() -> create("telegram", Map.of("bot_token", TOKEN)))
                .hasMessage("config.chat_id is required (channel 'chat', type telegram)");
        assertThatThrownBy(() -> create("telegram", Map.of("bot_token", "nope", "chat_id", "1")))
                .hasMessageStartingWith("config.bot_token must be a bot token")
                .hasMessageNotContaining("nope");
        assertThatThrownBy(() -> create(
                        "telegram", Map.of("bot_token", TOKEN, "chat_id", "1", "api_url", "http://proxy.example")))
                .hasMessageStartingWith("config.api_url must be an https:// URL");
    }

    @Test
    void discordEscapesMarkdownPingsNobodyAndKeepsToItsLimits() throws Exception {
        try (RecordingReceiver discord = new RecordingReceiver()) {
            AlertNotifier notifier = discord(discord);
            notifier.send(Alerts.notification(hostile(Alerts.firing())), TIMEOUT);
            JsonNode message = json(discord, 0);
            assertThat(message.get("allowed_mentions").toString()).isEqualTo("{\"parse\":[]}");
            JsonNode embed = message.get("embeds").get(0);
            assertThat(embed.get("color").asInt()).isEqualTo(0xd00000);
            assertThat(embed.get("description").asText())
                    .contains("\\<b\\>x\\</b\\> \\@everyone \\*\\_\\[\\]\\(\\)\\~ \\<!channel\\>")
                    .contains("[Acknowledge](https://monitor.example/ack?sig=abc)");

            notifier.send(long50(), TIMEOUT);
            JsonNode digest = json(discord, 1);
            assertThat(digest.get("embeds")).hasSizeLessThanOrEqualTo(DiscordNotifier.MAX_EMBEDS);
            int characters = 0;
            for (JsonNode each : digest.get("embeds")) {
                assertThat(each.get("title").asText().length()).isLessThanOrEqualTo(DiscordNotifier.MAX_TITLE);
                characters += each.get("title").asText().length()
                        + each.get("description").asText().length();
            }
            assertThat(characters).isLessThanOrEqualTo(DiscordNotifier.MAX_EMBED_CHARACTERS);
            assertThat(digest.get("content").asText()).endsWith("more not shown)");
        }
    }

    @Test
    void discordWaitsWhatA429SaysAndNeverShowsItsWebhookUrl() {
        try (RecordingReceiver discord = new RecordingReceiver()) {
            discord.answer(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":3.2,\"global\":false}");
            assertThat(discord(discord).send(Alerts.notification(Alerts.firing()), TIMEOUT))
                    .isEqualTo(new DeliveryOutcome.RetryLater(
                            "HTTP 429: You are being rate limited.", Optional.of(Duration.ofMillis(3_200))));
        }
        assertThatThrownBy(() -> create("discord", Map.of("webhook_url", "http://discord.example/api/webhooks/1/t")))
                .hasMessageStartingWith("config.webhook_url must be an https:// URL")
                .hasMessageNotContaining("discord.example");
    }

    @Test
    void pagerDutyTriggersAcknowledgesAndResolvesTheAlertsIncident() throws Exception {
        try (RecordingReceiver pagerDuty = new RecordingReceiver()) {
            pagerDuty.answer(202, "{\"status\":\"success\",\"message\":\"Event processed\"}");
            AlertNotifier notifier = pagerDuty(pagerDuty);
            Alert firing = hostile(Alerts.firing());
            Alert acknowledged = firing.withEvent(AlertEvent.ACKNOWLEDGED);
            assertThat(notifier.send(Alerts.notification(firing, acknowledged), TIMEOUT))
                    .isInstanceOf(DeliveryOutcome.Delivered.class);
            notifier.send(Alerts.notification(hostile(Alerts.resolved())), TIMEOUT);

            JsonNode trigger = json(pagerDuty, 0);
            assertThat(trigger.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
            assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
            assertThat(trigger.get("dedup_key").asText()).isEqualTo(firing.fingerprint());
            assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
            assertThat(trigger.at("/payload/custom_details/labels/protocol").asText())
                    .isEqualTo(HOSTILE);
            assertThat(json(pagerDuty, 1).get("event_action").asText()).isEqualTo("acknowledge");
            assertThat(json(pagerDuty, 2).get("event_action").asText()).isEqualTo("resolve");
            assertThat(json(pagerDuty, 2).get("dedup_key").asText()).isEqualTo(firing.fingerprint());
        }
    }

    @Test
    void pagerDutysRefusalIsADeadLetterWithItsReasonAndA429IsRetried() {
        try (RecordingReceiver pagerDuty = new RecordingReceiver()) {
            pagerDuty.answer(
                    400,
                    "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                            + "\"errors\":[\"'payload.summary' is missing or blank\"]}");
            assertThat(pagerDuty(pagerDuty).send(Alerts.notification(Alerts.firing()), TIMEOUT))
                    .isEqualTo(DeliveryOutcome.rejected(
                            "HTTP 400: Event object is invalid ('payload.summary' is missing or blank)"));
            pagerDuty.answer(429, "{}");
            assertThat(pagerDuty(pagerDuty).send(Alerts.notification(Alerts.firing()), TIMEOUT))
                    .isInstanceOf(DeliveryOutcome.RetryLater.class);
        }
        assertThatThrownBy(() -> create("pagerduty", Map.of("routing_key", "short")))
                .hasMessageStartingWith("config.routing_key must be an Events API v2 integration key")
                .hasMessageNotContaining("short");
    }

    @Test
    void pagerDutysEventsShareTheAttemptsTimeoutSoASlowServiceCannotStretchIt() throws Exception {
        com.sun.net.httpserver.HttpServer slow =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/v2/enqueue", exchange -> {
            try {
                Thread.sleep(300); // a slow PagerDuty: each event answered in 0.3 s
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        slow.start();
        try {
            AlertNotifier notifier = create(
                    "pagerduty",
                    Map.of(
                            "routing_key",
                            ROUTING_KEY,
                            "api_url",
                            "http://127.0.0.1:" + slow.getAddress().getPort() + "/v2/enqueue"));
            Alert[] five = new Alert[5];
            java.util.Arrays.fill(five, Alerts.firing());
            DeliveryOutcome outcome = notifier.send(Alerts.notification(five), Duration.ofMillis(800));
            // Each event alone answers within 0.8 s; all five would take 1.5 s, past the attempt's timeout.
            assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
            assertThat(((DeliveryOutcome.RetryLater) outcome).reason())
                    .matches("(timed out after \\d of 5 events|no answer within \\d+ ms)");
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void aServiceThatEchoesItsRequestCannotPutATokenIntoAReason() {
        try (RecordingReceiver echo = new RecordingReceiver()) {
            echo.answer(
                    400,
                    "{\"description\": \"Bad Request: url /bot" + TOKEN + "/sendMessage\","
                            + " \"message\": \"bad /api/webhooks/1/secret-token\","
                            + " \"errors\": [\"routing_key " + ROUTING_KEY + "\"]}");
            String telegram = ((DeliveryOutcome.Rejected)
                            telegram(echo, Map.of()).send(Alerts.notification(Alerts.firing()), TIMEOUT))
                    .reason();
            String discord = ((DeliveryOutcome.Rejected)
                            discord(echo).send(Alerts.notification(Alerts.firing()), TIMEOUT))
                    .reason();
            String pagerDuty = ((DeliveryOutcome.Rejected)
                            pagerDuty(echo).send(Alerts.notification(Alerts.firing()), TIMEOUT))
                    .reason();
            assertThat(telegram).isEqualTo("HTTP 400: Bad Request: url /bot***/sendMessage");
            assertThat(discord).isEqualTo("HTTP 400: bad ***");
            assertThat(pagerDuty).contains("routing_key ***").doesNotContain(ROUTING_KEY);
        }
    }

    @Test
    void anEventPagerDutyRefusesDoesNotHoldTheOthersBack() {
        try (RecordingReceiver pagerDuty = new RecordingReceiver()) {
            pagerDuty.answer(400, "{\"message\": \"Event object is invalid\"}");
            Alert[] three = {Alerts.firing(), Alerts.firing(), Alerts.firing()};
            DeliveryOutcome outcome = pagerDuty(pagerDuty).send(Alerts.notification(three), TIMEOUT);
            assertThat(pagerDuty.requests()).as("every event was offered").hasSize(3);
            assertThat(outcome)
                    .isEqualTo(DeliveryOutcome.rejected(
                            "PagerDuty refused 3 of 3 events: HTTP 400: Event object is invalid"));
        }
    }

    @Test
    void onlyATrueLoopbackAddressMayTakePlainHttpAndAMisspelledKeyIsRefused() {
        for (String url :
                List.of("http://127.evil.example/x", "http://127.0.0.1.evil.example/x", "http://localhost.evil/x")) {
            assertThatThrownBy(() -> create("discord", Map.of("webhook_url", url)))
                    .as(url)
                    .hasMessageStartingWith("config.webhook_url must be an https:// URL");
        }
        assertThatThrownBy(() -> create("telegram", Map.of("bot_token", TOKEN, "chat_id", "1", "mesage_thread_id", 4)))
                .hasMessage("config.mesage_thread_id is not a telegram setting; allowed: bot_token, chat_id,"
                        + " message_thread_id, api_url (channel 'chat', type telegram)");
    }

    private static AlertNotifier telegram(RecordingReceiver receiver, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                "bot_token",
                TOKEN,
                "chat_id",
                -1001234567890L,
                "api_url",
                receiver.url("/").toString()));
        config.putAll(extra);
        return create("telegram", config);
    }

    private static AlertNotifier discord(RecordingReceiver receiver) {
        return create(
                "discord",
                Map.of(
                        "webhook_url",
                        receiver.url("/api/webhooks/1/secret-token").toString()));
    }

    private static AlertNotifier pagerDuty(RecordingReceiver receiver) {
        return create(
                "pagerduty",
                Map.of(
                        "routing_key",
                        ROUTING_KEY,
                        "api_url",
                        receiver.url("/v2/enqueue").toString()));
    }

    static AlertNotifier create(String type, Map<String, Object> config) {
        NotificationChannel channel = new NotificationChannel("chat", type, config);
        return switch (type) {
            case "telegram" -> new TelegramNotifierFactory().create(channel);
            case "discord" -> new DiscordNotifierFactory().create(channel);
            default -> new PagerDutyNotifierFactory().create(channel);
        };
    }

    /** The alert with a label a bot could push to plant markup, mentions or a link, and an ack link. */
    static Alert hostile(Alert alert) {
        Map<String, String> labels = new java.util.HashMap<>(alert.labels());
        labels.put("protocol", HOSTILE);
        return new Alert(
                        alert.ruleName(),
                        alert.metricName(),
                        alert.currentValue(),
                        alert.threshold(),
                        alert.severity(),
                        alert.phase(),
                        alert.description(),
                        alert.timestamp(),
                        labels)
                .withMarks(AlertMarks.NONE.withAckLink("https://monitor.example/ack?sig=abc"));
    }

    /** A digest of 50 alerts, each with a 5,000-character description. */
    static Notification long50() {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Alert base = hostile(Alerts.firing());
            alerts.add(new Alert(
                    "rule_" + i,
                    base.metricName(),
                    i,
                    base.threshold(),
                    base.severity(),
                    base.phase(),
                    "<i>".repeat(1_250),
                    base.timestamp(),
                    base.labels()));
        }
        return new Notification("event-50", "chat", alerts, 7);
    }

    private static JsonNode json(RecordingReceiver receiver, int index) throws Exception {
        return AlertmanagerFormat.JSON.readTree(receiver.requests().get(index).body());
    }
}
