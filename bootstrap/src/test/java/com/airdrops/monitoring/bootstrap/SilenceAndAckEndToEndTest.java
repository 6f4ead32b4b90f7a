package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.http.HmacAckLinks;
import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silences and acknowledgements through the agent's own process and its H2 file: a silence holds a firing alert back
 * from the webhook while the API shows it silenced, outlives a restart, and once expired lets the alert through once;
 * an acknowledgement stops repeats; a signed ack link works once and is refused when tampered with or expired.
 */
class SilenceAndAckEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "silence-token";
    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
    private static final String PUBLIC_URL = "https://monitor.example.org";

    @TempDir
    Path dir;

    @Test
    void aSilenceHoldsTheAlertBackSurvivesARestartAndWhenItEndsTheAlertIsSentOnce() throws Exception {
        try (RecordingReceiver webhook = new RecordingReceiver()) {
            write(webhook, 3600);
            String silenceId;
            try (AgentProcess agent = start()) {
                agent.awaitPort();
                HttpResponse<String> created = agent.send("POST", "/api/v1/silences", TOKEN, """
                        {"matchers": {"alertname": "queue_deep", "component": "=~sched.*"}, "duration": "2h",
                         "created_by": "ops", "comment": "migrating the queue"}""");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                silenceId = JSON.readTree(created.body()).get("id").asText();
                push(agent);

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> agent.get("/api/v1/alerts").split("\"status\":\"firing\"", -1).length == 3);
                JsonNode alerts = JSON.readTree(agent.get("/api/v1/alerts"));
                assertThat(alerts).hasSize(2);
                for (JsonNode alert : alerts) {
                    String component = alert.get("labels").get("component").asText();
                    assertThat(alert.get("silenced_by").toString())
                            .isEqualTo(component.equals("scheduler") ? "[\"" + silenceId + "\"]" : "[]");
                }
                // Only the unsilenced worker's alert reaches the webhook.
                await().atMost(Duration.ofSeconds(10)).until(() -> sent(webhook).size() == 1);
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> sent(webhook).equals(List.of("worker queue deep")));
                assertThat(agent.get("/api/v1/alerts/history")).contains("\"silenced_by\":[\"" + silenceId + "\"]");
            }

            try (AgentProcess agent = start()) {
                agent.awaitPort();
                assertThat(agent.get("/api/v1/silences"))
                        .contains(silenceId, "\"state\":\"active\"", "migrating the queue");
                push(agent);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> agent.get("/api/v1/alerts").contains("\"silenced_by\":[\"" + silenceId + "\"]"));
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> sent(webhook).size() == 1);

                HttpResponse<String> expired = agent.send("DELETE", "/api/v1/silences/" + silenceId, TOKEN, "");
                assertThat(expired.statusCode()).isEqualTo(200);
                assertThat(expired.body()).contains("\"state\":\"expired\"");
                await().atMost(Duration.ofSeconds(10)).until(() -> sent(webhook).size() == 2);
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> sent(webhook).equals(List.of("worker queue deep", "scheduler queue deep")));
                assertThat(agent.send("DELETE", "/api/v1/silences/nope", TOKEN, "")
                                .statusCode())
                        .isEqualTo(404);
            }
        }
    }

    @Test
    void anAcknowledgementStopsRepeatsAndASignedLinkWorksOnce() throws Exception {
        try (RecordingReceiver webhook = new RecordingReceiver()) {
            write(webhook, 1);
            try (AgentProcess agent = start()) {
                agent.awaitPort();
                push(agent);
                // Repeats every second: both alerts are sent several times, each with its own signed link.
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> count(webhook, "scheduler queue deep") >= 2
                                && count(webhook, "worker queue deep") >= 2);
                String scheduler = fingerprint(agent, "scheduler");
                HttpResponse<String> acked = agent.send(
                        "POST",
                        "/api/v1/alerts/" + scheduler + "/ack",
                        TOKEN,
                        "{\"by\": \"alice\", \"comment\": \"on it\"}");
                assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
                assertThat(acked.body()).contains("\"event\":\"acknowledged\"", "\"by\":\"alice\"");
                assertThat(agent.send("POST", "/api/v1/alerts/" + scheduler + "/ack", TOKEN, "")
                                .statusCode())
                        .isEqualTo(409);
                assertThat(agent.get("/api/v1/alerts/history")).contains("\"event\":\"acknowledged\"", "on it");

                // Once the acknowledgement is in, the scheduler's repeats stop while the worker's go on.
                Thread.sleep(1_500); // a repeat planned just before the ack may still be on its way
                int schedulerSent = count(webhook, "scheduler queue deep");
                int workerSent = count(webhook, "worker queue deep");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> count(webhook, "worker queue deep") >= workerSent + 2);
                assertThat(count(webhook, "scheduler queue deep")).isEqualTo(schedulerSent);

                // The worker's link: tampered, expired, then used twice.
                URI link = URI.create(lastAckLink(webhook, "worker queue deep"));
                assertThat(link.toString()).startsWith(PUBLIC_URL + "/api/v1/alerts/");
                String pathAndQuery = link.getRawPath() + "?" + link.getRawQuery();
                String tampered =
                        pathAndQuery.substring(0, pathAndQuery.length() - 1) + (pathAndQuery.endsWith("0") ? "1" : "0");
                assertThat(agent.send("GET", tampered, null, "").statusCode()).isEqualTo(403);
                String worker = fingerprint(agent, "worker");
                String expired = URI.create(new HmacAckLinks(SECRET, PUBLIC_URL, Duration.ofHours(1))
                                .link(worker, Instant.now(), Instant.now().minus(Duration.ofHours(2))))
                        .getRawPath();
                String expiredQuery = URI.create(new HmacAckLinks(SECRET, PUBLIC_URL, Duration.ofHours(1))
                                .link(worker, Instant.now(), Instant.now().minus(Duration.ofHours(2))))
                        .getRawQuery();
                assertThat(agent.send("GET", expired + "?" + expiredQuery, null, "")
                                .statusCode())
                        .isEqualTo(410);
                assertThat(agent.get("/api/v1/alerts")).doesNotContain("signed-link");

                HttpResponse<String> first = agent.send("GET", pathAndQuery, null, "");
                assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
                assertThat(first.body()).contains("\"by\":\"signed-link\"");
                assertThat(agent.send("GET", pathAndQuery, null, "").statusCode())
                        .isEqualTo(409);
                assertThat(agent.metrics()).contains("monitoring_alerts_acknowledged 2.0");
            }
        }
    }

    private void write(RecordingReceiver webhook, int repeatSeconds) throws Exception {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: scheduler, type: generic, source: push, stale_after_seconds: 3600 }
                  - { name: worker, type: generic, source: push, stale_after_seconds: 3600 }
                """);
        Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - name: queue_deep
                    metric_name: queue_depth
                    condition: gt
                    threshold: 100
                    severity: high
                    for_duration: 0
                    summary: "{{ $labels.component }} queue deep"
                    description: "queue at {{ $value }}"
                """);
        Files.writeString(dir.resolve("notifications.yaml"), """
                channels:
                  - { name: hook, type: webhook, config: { url: "%s" } }
                policy:
                  repeat_interval_seconds: %d
                """.formatted(webhook.url("/hook"), repeatSeconds));
    }

    private AgentProcess start() throws Exception {
        return AgentProcess.startFromClasspath(TestEnvironment.agent(
                dir,
                "COMPONENTS_FILE",
                dir.resolve("components.yaml").toString(),
                "ALERT_RULES_FILE",
                dir.resolve("alert_rules.yaml").toString(),
                "NOTIFICATIONS_FILE",
                dir.resolve("notifications.yaml").toString(),
                "MONITORING_API_TOKEN",
                TOKEN,
                "MONITORING_ACK_SECRET",
                SECRET,
                "MONITORING_PUBLIC_URL",
                PUBLIC_URL,
                "METRICS_COLLECTION_INTERVAL",
                "0.2",
                "ALERT_EVALUATION_INTERVAL",
                "0.2"));
    }

    private static void push(AgentProcess agent) throws Exception {
        agent.post("/api/v1/components/scheduler", TOKEN, "{\"metrics\": {\"queue_depth\": 250}}");
        agent.post("/api/v1/components/worker", TOKEN, "{\"metrics\": {\"queue_depth\": 300}}");
    }

    private static String fingerprint(AgentProcess agent, String component) throws Exception {
        for (JsonNode alert : JSON.readTree(agent.get("/api/v1/alerts"))) {
            if (alert.get("labels").get("component").asText().equals(component)) {
                return alert.get("fingerprint").asText();
            }
        }
        throw new AssertionError("no alert for " + component);
    }

    /** The summary of every alert the webhook received, in order. */
    private static List<String> sent(RecordingReceiver webhook) throws Exception {
        List<String> summaries = new ArrayList<>();
        for (JsonNode alert : alerts(webhook)) {
            summaries.add(alert.get("annotations").get("summary").asText());
        }
        return summaries;
    }

    private static int count(RecordingReceiver webhook, String summary) throws Exception {
        return (int) sent(webhook).stream().filter(summary::equals).count();
    }

    private static String lastAckLink(RecordingReceiver webhook, String summary) throws Exception {
        String link = null;
        for (JsonNode alert : alerts(webhook)) {
            if (alert.get("annotations").get("summary").asText().equals(summary)) {
                link = alert.get("annotations").get("ack_url").asText();
            }
        }
        return link;
    }

    private static List<JsonNode> alerts(RecordingReceiver webhook) throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        for (RecordingReceiver.Request request : List.copyOf(webhook.requests)) {
            JSON.readTree(request.body()).get("alerts").forEach(alerts::add);
        }
        return alerts;
    }
}
