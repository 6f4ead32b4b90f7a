package com.airdrops.monitoring.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar pages Telegram, Discord and PagerDuty as their real services accept it ({@link ChatServices}
 * refuses what they refuse): 50 alerts at once, each with a 5,000-character description, one of them labelled with
 * markup, mentions and markdown; their resolution; an acknowledgement (PagerDuty only); and what the rate limit
 * folds into a digest. Telegram's 429 is waited out, an unknown chat is a dead letter with Telegram's reason, and no
 * token shows in the log or in any answer of the API.
 */
class ChatChannelsEndToEndTest {
    private static final String API_TOKEN = "api-token";
    private static final String HOSTILE = "<b>x</b> @everyone *_[]()~ <!channel>";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process agent;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> answers = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (agent != null) {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void telegramDiscordAndPagerDutyGetFiringResolvedAndADigestEscapedAndNoTokenLeaks() throws Exception {
        try (ChatServices services = new ChatServices()) {
            start(services);
            push(allocations(40, 1));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> services.accepted("telegram").size() == 1
                            && services.accepted("discord").size() == 1
                            && services.accepted("pagerduty").size() == 1);
            List<ChatServices.Received> telegram = services.received.stream()
                    .filter(each -> each.service().equals("telegram")
                            && each.body().path("chat_id").asText().equals(ChatServices.CHAT))
                    .toList();
            assertThat(telegram.get(0).status()).isEqualTo(429);
            assertThat(Duration.between(telegram.get(0).at(), telegram.get(1).at()))
                    .as("Telegram's retry_after: 3 is waited out")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(services.accepted("telegram")
                            .getFirst()
                            .body()
                            .path("text")
                            .asText())
                    .contains("&lt;b&gt;x&lt;/b&gt; @everyone *_[]()~ &lt;!channel&gt;")
                    .doesNotContain(HOSTILE);
            assertThat(services.accepted("discord")
                            .getFirst()
                            .body()
                            .path("embeds")
                            .get(0)
                            .path("description")
                            .asText())
                    .contains("\\<b\\>x\\</b\\> \\@everyone \\*\\_\\[\\]\\(\\)\\~ \\<!channel\\>");

            push(allocations(40, 50)); // 49 more, each with a 5,000-character description
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> services.accepted("telegram").size() == 2
                            && services.accepted("discord").size() == 2
                            && services.accepted("pagerduty").size() == 50);
            assertThat(services.accepted("telegram").get(1).body().path("text").asText())
                    .startsWith("<b>Firing: 49 alerts</b>")
                    .containsPattern("… and \\d+ more$");
            assertThat(services.accepted("discord")
                            .get(1)
                            .body()
                            .path("content")
                            .asText())
                    .contains("Firing\\: 49 alerts", "more not shown");

            String fingerprint = hostileFingerprint();
            post("/api/v1/alerts/" + fingerprint + "/ack", "{\"by\": \"alice\", \"comment\": \"on it\"}");
            // Telegram's 429 counts as a send: its third message is over the rate limit of 3 a minute.
            push(allocations(0, 50));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> services.accepted("telegram").size() == 3
                            && services.accepted("discord").size() == 3);
            assertThat(services.accepted("telegram").get(2).body().path("text").asText())
                    .startsWith("<b>Rate limit reached: 1 notifications folded into this digest (50 alerts)</b>")
                    .containsPattern("… and \\d+ more$");
            assertThat(services.accepted("discord")
                            .get(2)
                            .body()
                            .path("content")
                            .asText())
                    .startsWith("Resolved\\: 50 alerts");
            push(allocations(40, 50)); // Discord's fourth message in the minute: a digest
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> services.accepted("discord").size() == 4);
            assertThat(services.accepted("discord")
                            .get(3)
                            .body()
                            .path("content")
                            .asText())
                    .startsWith("Rate limit reached\\: 1 notifications folded into this digest \\(50 alerts\\)");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> services.accepted("pagerduty").stream()
                            .map(each -> each.body().path("event_action").asText() + " "
                                    + each.body().path("dedup_key").asText())
                            .toList()
                            .containsAll(List.of("acknowledge " + fingerprint, "resolve " + fingerprint)));
            assertThat(services.received)
                    .filteredOn(each -> each.service().equals("pagerduty"))
                    .allSatisfy(
                            each -> assertThat(each.status()).as(each.refusal()).isEqualTo(202));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> get("/api/v1/notifications/dead").contains("tg-wrong"));
            assertThat(get("/api/v1/notifications/dead")).contains("HTTP 400: Bad Request: chat not found");

            for (String path : List.of(
                    "/api/v1/channels",
                    "/api/v1/alerts",
                    "/api/v1/alerts/history?hours=1",
                    "/api/v1/rules",
                    "/health/ready",
                    "/metrics")) {
                get(path);
            }
            String log = Files.readString(dir.resolve("agent.log"));
            for (String secret :
                    List.of(ChatServices.TELEGRAM_TOKEN, ChatServices.DISCORD_TOKEN, ChatServices.ROUTING_KEY)) {
                assertThat(log).as("the log").doesNotContain(secret);
                assertThat(answers).as("the API's answers").noneMatch(answer -> answer.contains(secret));
            }
        }
    }

    /** The protocol whose name plants markup, mentions and markdown, and {@code count - 1} of 1,000 characters. */
    private static String allocations(double percent, int count) {
        Map<String, Double> protocols = new LinkedHashMap<>();
        protocols.put(HOSTILE, percent);
        for (int i = 1; i < count; i++) {
            protocols.put(String.format("p%02d-", i) + "x".repeat(996), percent);
        }
        try {
            return JSON.writeValueAsString(Map.of("protocol_allocations", protocols));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hostileFingerprint() throws Exception {
        for (JsonNode alert : JSON.readTree(get("/api/v1/alerts"))) {
            if (alert.path("labels").path("protocol").asText().equals(HOSTILE)) {
                return alert.path("fingerprint").asText();
            }
        }
        throw new AssertionError("no alert for the hostile protocol");
    }

    private void start(ChatServices services) throws IOException {
        Path config = Files.createDirectories(dir.resolve("home/config"));
        Files.writeString(config.resolve("components.yaml"), """
                components:
                  - { name: alloc, type: capital_allocator, source: push, stale_after_seconds: 600 }
                """);
        Files.writeString(config.resolve("alert_rules.yaml"), """
                rules:
                  - name: allocation_high
                    metric_name: protocol_allocation_percent
                    condition: gt
                    threshold: 10
                    severity: critical
                    for_duration: 0
                    summary: "{{ $labels.protocol }} at {{ $value }} %"
                    description: "{{ $labels.protocol }}{{ $labels.protocol }}{{ $labels.protocol }}{{ $labels.protocol }}{{ $labels.protocol }}"
                """);
        Files.writeString(config.resolve("notifications.yaml"), """
                channels:
                  - { name: tg, type: telegram, config: { bot_token: "${TG_TOKEN}", chat_id: "%s", api_url: "%s" } }
                  - { name: tg-wrong, type: telegram, config: { bot_token: "${TG_TOKEN}", chat_id: "-42", api_url: "%s" } }
                  - { name: discord, type: discord, config: { webhook_url: "${DISCORD_URL}" } }
                  - { name: pd, type: pagerduty, config: { routing_key: "${PD_KEY}", api_url: "%s/v2/enqueue" } }
                policy:
                  send_resolved: true
                  rate_limit_per_minute: 3
                  retry: { max_attempts: 3, initial_backoff_seconds: 0.5, max_backoff_seconds: 5, timeout_seconds: 5 }
                """.formatted(
                        ChatServices.CHAT, services.base(), services.base(), services.base()));
        port = CleanAgentProcess.freePort();
        agent = CleanAgentProcess.packagedJar(
                        dir,
                        dir.resolve("agent.log"),
                        Map.of(
                                "MONITORING_HOME",
                                dir.resolve("home").toString(),
                                "METRICS_HTTP_HOST",
                                "127.0.0.1",
                                "METRICS_HTTP_PORT",
                                String.valueOf(port),
                                "ALERT_EVALUATION_INTERVAL",
                                "1",
                                "MONITORING_API_TOKEN",
                                API_TOKEN,
                                "TG_TOKEN",
                                ChatServices.TELEGRAM_TOKEN,
                                "DISCORD_URL",
                                services.base() + "/api/webhooks/1/" + ChatServices.DISCORD_TOKEN,
                                "PD_KEY",
                                ChatServices.ROUTING_KEY))
                .start();
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> get("/health/ready").contains("UP"));
    }

    private void push(String body) throws Exception {
        assertThat(post("/api/v1/components/alloc", body)).contains("accepted");
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + API_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        answers.add(response.body());
        return response.body();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + API_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        answers.add(response.body());
        return response.body();
    }
}
