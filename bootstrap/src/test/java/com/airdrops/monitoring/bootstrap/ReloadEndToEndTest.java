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
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload changes routing, rate limit and the channels view together: the jar as a process, a polled risk manager
 * and a real webhook receiver.
 */
class ReloadEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "reload-test-token";

    @TempDir
    Path dir;

    @Test
    void aReloadedRateLimitAndSeveritiesApplyToTheNextAlertAndToTheChannelsView() throws Exception {
        AtomicReference<String> portfolio = new AtomicReference<>("5000");
        try (StatusServer status = new StatusServer(
                        () -> "{\"risk_level\": \"critical\", \"portfolio_value_usd\": " + portfolio.get() + "}");
                RecordingReceiver webhook = new RecordingReceiver()) {
            Path components = Files.writeString(dir.resolve("components.yaml"), """
                    components:
                      - { name: risk_manager, type: risk_manager, source: poll, url: "%s" }
                    """.formatted(status.url()));
            Path rules = Files.writeString(dir.resolve("alert_rules.yaml"), """
                    rules:
                      - { name: risk_level_critical, metric_name: risk_level, condition: gte, threshold: 3,
                          severity: critical, description: Risk is critical, for_duration: 0 }
                      - { name: portfolio_low, metric_name: portfolio_value_usd, condition: lt, threshold: 1000,
                          severity: high, description: Portfolio below 1000 USD, for_duration: 0 }
                    """);
            Path notifications = dir.resolve("notifications.yaml");
            writeNotifications(notifications, webhook, 1, "[critical]");
            Map<String, String> environment = TestEnvironment.agent(
                    dir,
                    "COMPONENTS_FILE",
                    components.toString(),
                    "ALERT_RULES_FILE",
                    rules.toString(),
                    "NOTIFICATIONS_FILE",
                    notifications.toString(),
                    "MONITORING_API_TOKEN",
                    TOKEN,
                    "METRICS_COLLECTION_INTERVAL",
                    "0.5",
                    "ALERT_EVALUATION_INTERVAL",
                    "0.5");

            try (AgentProcess agent = AgentProcess.startFromClasspath(environment)) {
                agent.awaitPort();
                await().atMost(Duration.ofSeconds(20)).until(() -> webhook.requests.size() == 1);
                assertThat(alertNames(webhook.requests.getFirst())).containsExactly("risk_level_critical");
                assertThat(severities(agent)).containsExactly("critical");

                writeNotifications(notifications, webhook, 60, "[high, critical]");
                assertThat(agent.post("/api/v1/reload", TOKEN)).contains("\"status\":\"reloaded\"");
                assertThat(severities(agent)).containsExactly("high", "critical");

                portfolio.set("500");
                // Under the old limit of 1 a minute this would wait, then go out folded into a digest.
                await().atMost(Duration.ofSeconds(5)).until(() -> webhook.requests.size() == 2);
                RecordingReceiver.Request second = webhook.requests.get(1);
                assertThat(alertNames(second)).containsExactly("portfolio_low");
                assertThat(JSON.readTree(second.body()).has("foldedMessages")).isFalse();
            }
        }
    }

    private static void writeNotifications(Path file, RecordingReceiver webhook, int ratePerMinute, String severities)
            throws Exception {
        Files.writeString(file, """
                channels:
                  - { name: hook, type: webhook, severities: %s, config: { url: "%s" } }
                policy:
                  rate_limit_per_minute: %d
                  retry: { max_attempts: 3, initial_backoff_seconds: 0.2, max_backoff_seconds: 1, timeout_seconds: 2 }
                """.formatted(severities, webhook.url("/hook"), ratePerMinute));
    }

    private static List<String> alertNames(RecordingReceiver.Request request) throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(request.body())
                .get("alerts")
                .forEach(alert -> names.add(alert.get("labels").get("alertname").asText()));
        return names;
    }

    private static List<String> severities(AgentProcess agent) throws Exception {
        JsonNode channels = JSON.readTree(agent.get("/api/v1/channels"));
        List<String> severities = new ArrayList<>();
        channels.get(0).get("severities").forEach(severity -> severities.add(severity.asText()));
        return severities;
    }
}
