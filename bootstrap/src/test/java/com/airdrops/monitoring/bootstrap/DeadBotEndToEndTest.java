package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot that dies while its risk is critical must page, never send an all-clear: with the shipped rules, the risk alert
 * stays FIRING after its pushes stop and {@code component_down} fires within the staleness limit plus one evaluation;
 * a bot that says it is stopping before it goes silent is told as a planned stop instead.
 */
class DeadBotEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bot-token";
    private static final Path SHIPPED_RULES = Path.of("../config/alert_rules.yaml");

    @TempDir
    Path dir;

    @Test
    void aBotThatStopsPushingPagesAndItsAlertsNeverResolveForIt() throws Exception {
        try (RecordingReceiver webhook = new RecordingReceiver();
                AgentProcess agent = start(webhook)) {
            agent.awaitPort();
            agent.post("/api/v1/components/risk_manager", TOKEN, "{\"risk_level\": \"critical\"}");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> received(webhook).contains("firing risk_level_critical"));
            long pushedStopped = System.nanoTime();
            assertThat(received(webhook)).as("alive so far").containsExactly("firing risk_level_critical");

            // No more pushes: the bot was killed.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> received(webhook).contains("firing component_down risk_manager"));
            assertThat(Duration.ofNanos(System.nanoTime() - pushedStopped))
                    .as("within stale_after_seconds (2 s) plus an evaluation, give or take the delivery")
                    .isLessThan(Duration.ofSeconds(6));
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> !received(webhook).contains("resolved risk_level_critical"));
            assertThat(agent.get("/api/v1/alerts")).contains("risk_level_critical", "\"status\":\"firing\"");
            assertThat(agent.metrics()).contains("component_up{component=\"risk_manager\"} 0.0");

            agent.post("/api/v1/components/risk_manager", TOKEN, "{\"risk_level\": \"low\"}");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> received(webhook)
                            .containsAll(
                                    List.of("resolved risk_level_critical", "resolved component_down risk_manager")));
        }
    }

    @Test
    void aBotThatSaysItIsStoppingIsAPlannedStopNotACrash() throws Exception {
        try (RecordingReceiver webhook = new RecordingReceiver();
                AgentProcess agent = start(webhook)) {
            agent.awaitPort();
            agent.post("/api/v1/components/risk_manager", TOKEN, "{\"risk_level\": \"low\"}");
            agent.post("/api/v1/components/risk_manager", TOKEN, "{\"risk_level\": \"low\", \"status\": \"stopping\"}");

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> received(webhook).contains("firing component_stopped risk_manager"));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(4))
                    .until(() -> received(webhook).stream().noneMatch(line -> line.contains("component_down")));
        }
    }

    private AgentProcess start(RecordingReceiver webhook) throws Exception {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: risk_manager, type: risk_manager, source: push, stale_after_seconds: 2 }
                """);
        Files.writeString(dir.resolve("notifications.yaml"), """
                channels:
                  - { name: hook, type: webhook, config: { url: "%s" } }
                """.formatted(webhook.url("/hook")));
        return AgentProcess.startFromClasspath(TestEnvironment.agent(
                dir,
                "COMPONENTS_FILE",
                dir.resolve("components.yaml").toString(),
                "ALERT_RULES_FILE",
                SHIPPED_RULES.toAbsolutePath().normalize().toString(),
                "NOTIFICATIONS_FILE",
                dir.resolve("notifications.yaml").toString(),
                "MONITORING_API_TOKEN",
                TOKEN,
                "METRICS_COLLECTION_INTERVAL",
                "30",
                "ALERT_EVALUATION_INTERVAL",
                "1"));
    }

    /** Each alert the webhook received, as "status rule [component]". */
    private static List<String> received(RecordingReceiver webhook) throws Exception {
        List<String> lines = new ArrayList<>();
        for (RecordingReceiver.Request request : webhook.requests) {
            for (JsonNode alert : JSON.readTree(request.body()).get("alerts")) {
                JsonNode labels = alert.get("labels");
                lines.add((alert.get("status").asText() + " "
                                + labels.get("alertname").asText() + " "
                                + labels.path("component").asText(""))
                        .strip());
            }
        }
        return lines;
    }
}
