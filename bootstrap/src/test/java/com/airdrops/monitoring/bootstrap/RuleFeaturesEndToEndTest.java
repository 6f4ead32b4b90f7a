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
 * Rules that say which series and what to tell, through the real jar's code: a matcher keeps a rule to the scheduler,
 * a regex matcher picks two protocols of three, and the webhook carries the rendered description naming the
 * component and the value.
 */
class RuleFeaturesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "rules-token";

    @TempDir
    Path dir;

    @Test
    void matchersSelectTheSeriesAndTheNotificationNamesComponentAndValue() throws Exception {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: scheduler, type: generic, source: push, stale_after_seconds: 3600 }
                  - { name: allocator, type: generic, source: push, stale_after_seconds: 3600 }
                  - { name: capital_allocator, type: capital_allocator, source: push, stale_after_seconds: 3600 }
                """);
        Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - name: queue_deep
                    metric_name: queue_depth
                    condition: gt
                    threshold: 100
                    severity: high
                    for_duration: 0
                    matchers: { component: scheduler }
                    description: "{{ $labels.component }} queue at {{ $value }} (over {{ $threshold }})"
                  - name: allocation_high
                    metric_name: protocol_allocation_percent
                    condition: gt
                    threshold: 10
                    severity: low
                    for_duration: 0
                    matchers: { protocol: "=~scroll|zk.*" }
                    description: "{{ $labels.protocol }} holds {{ $value }} %"
                """);
        try (RecordingReceiver webhook = new RecordingReceiver()) {
            Files.writeString(dir.resolve("notifications.yaml"), """
                    channels:
                      - { name: hook, type: webhook, config: { url: "%s" } }
                    """.formatted(webhook.url("/hook")));
            try (AgentProcess agent = start(true)) {
                agent.awaitPort();
                agent.post("/api/v1/components/scheduler", TOKEN, "{\"metrics\": {\"queue_depth\": 250.5}}");
                agent.post("/api/v1/components/allocator", TOKEN, "{\"metrics\": {\"queue_depth\": 999}}");
                agent.post(
                        "/api/v1/components/capital_allocator",
                        TOKEN,
                        "{\"protocol_allocations\": {\"scroll\": 40, \"zksync\": 35, \"base\": 25}}");

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> descriptions(webhook).size() >= 3);
                await().during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> descriptions(webhook).size() == 3);
                assertThat(descriptions(webhook))
                        .containsExactlyInAnyOrder(
                                "scheduler queue at 250.5 (over 100)", "scroll holds 40 %", "zksync holds 35 %");
                assertThat(agent.get("/api/v1/alerts"))
                        .contains("scheduler queue at 250.5 (over 100)")
                        .doesNotContain("allocator queue");
            }
        }
    }

    @Test
    void aPushedMetricThatStopsComingGivesTheNoDataAlert() throws Exception {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: bot, type: generic, source: push, stale_after_seconds: 1 }
                """);
        Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - name: queue_deep
                    metric_name: queue_depth
                    condition: gt
                    threshold: 100
                    severity: high
                    for_duration: 0
                    no_data: { after_seconds: 2, state: firing }
                    description: "no queue depth from {{ $labels.component }}"
                """);
        try (AgentProcess agent = start(false)) {
            agent.awaitPort();
            agent.post("/api/v1/components/bot", TOKEN, "{\"metrics\": {\"queue_depth\": 5}}");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agent.metrics().contains("queue_depth{component=\"bot\"} 5.0"));
            assertThat(agent.get("/api/v1/alerts")).isEqualTo("[]");

            // The bot stops pushing: its data goes stale after 1 s, and 2 s later the rule says so.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> agent.get("/api/v1/alerts").contains("\"reason\":\"nodata\""));
            assertThat(agent.get("/api/v1/alerts")).contains("\"status\":\"firing\"", "no queue depth from bot");
        }
    }

    /** The agent with the components and rules written in {@code dir}, its webhook channel when asked, fast loops. */
    private AgentProcess start(boolean withNotifications) throws Exception {
        List<String> pairs = new ArrayList<>(List.of(
                "COMPONENTS_FILE",
                dir.resolve("components.yaml").toString(),
                "ALERT_RULES_FILE",
                dir.resolve("alert_rules.yaml").toString(),
                "MONITORING_API_TOKEN",
                TOKEN,
                "METRICS_COLLECTION_INTERVAL",
                "0.2",
                "ALERT_EVALUATION_INTERVAL",
                "0.2"));
        if (withNotifications) {
            pairs.addAll(List.of(
                    "NOTIFICATIONS_FILE", dir.resolve("notifications.yaml").toString()));
        }
        return AgentProcess.startFromClasspath(TestEnvironment.agent(dir, pairs.toArray(String[]::new)));
    }

    /** Every alert's rendered description the webhook received (Alertmanager format: annotations.description). */
    private static List<String> descriptions(RecordingReceiver webhook) throws Exception {
        List<String> descriptions = new ArrayList<>();
        for (RecordingReceiver.Request request : webhook.requests) {
            JsonNode body = JSON.readTree(request.body());
            for (JsonNode alert : body.get("alerts")) {
                descriptions.add(alert.get("annotations").get("description").asText());
            }
        }
        return descriptions;
    }
}
