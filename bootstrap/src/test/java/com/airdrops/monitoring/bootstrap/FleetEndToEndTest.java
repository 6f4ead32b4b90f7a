package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.airdrops.monitoring.adapters.persistence.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * A fleet: two agents of different instances on one real PostgreSQL, the same rule and one webhook receiver. Each
 * transition of each agent is delivered exactly once with its instance; one agent resolving leaves the other's firing
 * state alone; the other restarted announces nothing again; its small aggregate bound leaves the first's rows alone.
 */
class FleetEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void twoAgentsShareOneDatabaseWithoutDuplicatesOrClobbering() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        AtomicReference<String> levelA = new AtomicReference<>("critical");
        try (RecordingReceiver webhook = new RecordingReceiver();
                StatusServer statusA = StatusServer.riskLevel(() -> levelA.get());
                StatusServer statusB = StatusServer.riskLevel(() -> "critical")) {
            Map<String, String> environmentA = agent("a", statusA, webhook, url, "1000000");
            Map<String, String> environmentB = agent("b", statusB, webhook, url, "20");
            try (AgentProcess a = AgentProcess.startFromClasspath(environmentA)) {
                a.awaitPort();
                AgentProcess b = AgentProcess.startFromClasspath(environmentB);
                try {
                    b.awaitPort();
                    await().atMost(Duration.ofSeconds(30)).until(() -> webhook.requests.size() >= 2);
                    assertThat(deliveries(webhook))
                            .as("one firing message per agent")
                            .containsExactlyInAnyOrder("firing bot-a", "firing bot-b");

                    levelA.set("low");
                    await().atMost(Duration.ofSeconds(30)).until(() -> webhook.requests.size() >= 3);
                    assertThat(deliveries(webhook))
                            .containsExactlyInAnyOrder("firing bot-a", "firing bot-b", "resolved bot-a");
                    assertThat(b.get("/api/v1/alerts"))
                            .as("A resolving leaves B's state alone")
                            .contains("\"status\":\"firing\"", "\"instance\":\"bot-b\"");
                } finally {
                    b.close();
                }

                try (AgentProcess restarted = AgentProcess.startFromClasspath(environmentB)) {
                    restarted.awaitPort();
                    // Enough passes to have re-announced anything it would: it restored its firing alert instead.
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> RiskScenario.value(restarted.metrics(), "monitoring_alert_evaluations_total")
                                    >= 10);
                    assertThat(restarted.get("/api/v1/alerts")).contains("\"status\":\"firing\"");
                    assertThat(deliveries(webhook))
                            .as("nothing announced twice")
                            .containsExactlyInAnyOrder("firing bot-a", "firing bot-b", "resolved bot-a");

                    // B keeps at most 20 aggregates; A's rows are its own and stay.
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> JSON.readTree(a.get("/api/v1/aggregates?limit=100000"))
                                            .size()
                                    > 40);
                    assertThat(JSON.readTree(restarted.get("/api/v1/aggregates?limit=100000"))
                                    .size())
                            .isLessThanOrEqualTo(20);

                    JsonNode fleet = JSON.readTree(a.get("/api/v1/alerts/history?instance=*"));
                    assertThat(fleet.findValuesAsText("instance")).contains("bot-a", "bot-b");
                    JsonNode own = JSON.readTree(a.get("/api/v1/alerts/history"));
                    assertThat(own.findValuesAsText("instance")).containsOnly("bot-a");
                }
            }
        }
    }

    /** Each delivery as "status instance", from the Alertmanager-format webhook bodies. */
    private static List<String> deliveries(RecordingReceiver webhook) throws IOException {
        List<String> deliveries = new ArrayList<>();
        for (RecordingReceiver.Request request : webhook.requests) {
            JsonNode body = JSON.readTree(request.body());
            for (JsonNode alert : body.get("alerts")) {
                deliveries.add(alert.get("status").asText() + " "
                        + alert.get("labels").get("instance").asText());
            }
        }
        return deliveries;
    }

    private Map<String, String> agent(
            String name, StatusServer status, RecordingReceiver webhook, String url, String maxAggregates)
            throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        return RiskScenario.environment(
                home,
                status.url(),
                webhook.url("/hook").toString(),
                "MONITORING_DB_URL",
                url,
                "MONITORING_INSTANCE",
                "bot-" + name,
                "METRICS_AGGREGATION_WINDOW_SECONDS",
                "1",
                "METRICS_AGGREGATES_MAX_STORED",
                maxAggregates);
    }
}
