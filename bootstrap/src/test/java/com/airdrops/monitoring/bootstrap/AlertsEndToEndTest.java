package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5's "done when" with real processes: a polled critical risk level raises a PENDING alert, FIRING no sooner
 * than 3 s later; the agent is killed with SIGKILL and restarted on the same H2 file: still FIRING, one FIRING in
 * history; the level drops: RESOLVED.
 */
class AlertsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final AtomicReference<String> riskLevel = new AtomicReference<>("critical");
    private StatusServer statusServer;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws IOException {
        statusServer = StatusServer.riskLevel(() -> riskLevel.get());
        Path components = Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: risk_manager, type: risk_manager, source: poll, url: "%s" }
                """.formatted(statusServer.url()));
        Path rules = Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - name: risk_level_critical
                    metric_name: risk_level
                    condition: gte
                    threshold: 3
                    severity: critical
                    description: RiskManager reports a critical risk level
                    for_duration: 3
                """);
        environment = TestEnvironment.agent(
                dir,
                "COMPONENTS_FILE",
                components.toString(),
                "ALERT_RULES_FILE",
                rules.toString(),
                "METRICS_COLLECTION_INTERVAL",
                "0.5",
                "ALERT_EVALUATION_INTERVAL",
                "1");
    }

    @AfterEach
    void stop() {
        statusServer.close();
    }

    @Test
    void pendingThenFiringSurvivesSigkillAndResolves() throws Exception {
        double firingSince;
        try (AgentProcess first = AgentProcess.startFromClasspath(environment)) {
            first.awaitPort();
            await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(first).equals("pending"));
            await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(first).equals("firing"));

            JsonNode history = JSON.readTree(first.get("/api/v1/alerts/history?hours=1"));
            double pendingAt = transition(history, "pending").get("timestamp").asDouble();
            firingSince = transition(history, "firing").get("firing_since").asDouble();
            assertThat(firingSince - pendingAt)
                    .as("seconds from PENDING to FIRING")
                    .isGreaterThanOrEqualTo(3.0);

            first.kill();
        }

        try (AgentProcess second = AgentProcess.startFromClasspath(environment)) {
            second.awaitPort();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> second.get("/health/ready").contains("\"status\":\"UP\""));
            JsonNode active = JSON.readTree(second.get("/api/v1/alerts"));
            assertThat(active).hasSize(1);
            assertThat(active.get(0).get("status").asText()).isEqualTo("firing");
            assertThat(active.get(0).get("firing_since").asDouble()).isEqualTo(firingSince);
            // Several evaluation passes after the restart: still exactly one FIRING transition.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> second.metrics().contains("monitoring_alert_evaluations_total 3.0")
                            || evaluations(second) >= 3);
            assertThat(statuses(JSON.readTree(second.get("/api/v1/alerts/history?hours=1"))))
                    .containsExactly("firing", "pending");

            riskLevel.set("low");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> JSON.readTree(second.get("/api/v1/alerts")).isEmpty());
            // The active list drops the alert when the transition is decided; its row is stored a moment later.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> assertThat(statuses(JSON.readTree(second.get("/api/v1/alerts/history?hours=1"))))
                                    .containsExactly("resolved", "firing", "pending"));
        }
    }

    private static String statusOf(AgentProcess agent) throws Exception {
        JsonNode alerts = JSON.readTree(agent.get("/api/v1/alerts"));
        return alerts.isEmpty() ? "" : alerts.get(0).get("status").asText();
    }

    private static JsonNode transition(JsonNode history, String status) {
        return StreamSupport.stream(history.spliterator(), false)
                .filter(node -> node.get("status").asText().equals(status))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> statuses(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false)
                .map(node -> node.get("status").asText())
                .toList();
    }

    private static double evaluations(AgentProcess agent) throws Exception {
        return agent.metrics()
                .lines()
                .filter(line -> line.startsWith("monitoring_alert_evaluations_total "))
                .mapToDouble(line -> Double.parseDouble(line.split(" ")[1]))
                .findFirst()
                .orElse(0);
    }
}
