package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.airdrops.monitoring.adapters.persistence.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frozen PostgreSQL (a proxy that stops forwarding, as SIGSTOP would) must not freeze monitoring: collection goes
 * on, /metrics and readiness answer within 2 s (readiness DOWN, naming the database), a transition of the outage is
 * notified during it, and once the database returns it is stored once and not notified again.
 */
class FrozenDatabaseEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FROZEN_FOR = Duration.ofSeconds(Long.getLong("chaos.frozen.seconds", 30));

    @TempDir
    Path dir;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aFrozenDatabaseNeitherStopsCollectionNorLosesOrRepeatsATransition() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        AtomicReference<String> riskLevel = new AtomicReference<>("low");
        try (FreezableProxy proxy = FreezableProxy.inFrontOf(url);
                StatusServer status = StatusServer.riskLevel(() -> riskLevel.get());
                RecordingReceiver webhook = new RecordingReceiver()) {
            String proxied = proxy.url();
            Map<String, String> environment = RiskScenario.environment(
                    dir,
                    status.url(),
                    webhook.url("/hook").toString(),
                    "MONITORING_DB_URL",
                    proxied,
                    "MONITORING_DB_TIMEOUT_SECONDS",
                    "1",
                    "METRICS_COLLECTION_INTERVAL",
                    "0.5",
                    "ALERT_EVALUATION_INTERVAL",
                    "0.5");
            try (AgentProcess agent = AgentProcess.startFromClasspath(environment)) {
                int port = agent.awaitPort();
                await().atMost(Duration.ofSeconds(20)).until(() -> status(port, "/health/ready") == 200);

                proxy.freeze();
                riskLevel.set("critical"); // the transition happens while the database is frozen
                long frozenAt = System.nanoTime();
                double collections = RiskScenario.value(get(port, "/metrics").body(), "monitoring_collections_total");
                int readyChecks = 0;
                while (System.nanoTime() - frozenAt < FROZEN_FOR.toNanos()) {
                    long started = System.nanoTime();
                    HttpResponse<String> ready = get(port, "/health/ready");
                    HttpResponse<String> metrics = get(port, "/metrics");
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    assertThat(took).as("readiness and /metrics together").isLessThan(Duration.ofSeconds(4));
                    if (System.nanoTime() - frozenAt > Duration.ofSeconds(3).toNanos()) {
                        assertThat(ready.statusCode()).isEqualTo(503);
                        assertThat(ready.body()).contains("database");
                        // Alone on its database: if it stands by, it must not blame another agent.
                        assertThat(ready.body()).doesNotContain("another agent leads");
                        readyChecks++;
                    }
                    assertThat(metrics.statusCode()).isEqualTo(200);
                    Thread.sleep(1_000); // pacing the probes, not waiting for a result
                }
                double collectionsAfter =
                        RiskScenario.value(get(port, "/metrics").body(), "monitoring_collections_total");
                assertThat(collectionsAfter - collections)
                        .as("collection goes on at its rate (2 per second) while the database is frozen")
                        .isGreaterThanOrEqualTo(FROZEN_FOR.toSeconds() * 2 * 0.8);
                assertThat(readyChecks).isPositive();
                // Still frozen: the transition was notified from memory, once.
                WebhookChecks.exactlyOneFiring(webhook);

                proxy.thaw();
                await().atMost(Duration.ofSeconds(45))
                        .until(() -> status(port, "/health/ready") == 200
                                && historyStatuses(port).size() == 1);
                // Several delivery rounds and passes later: still exactly one, and one FIRING row in the history.
                WebhookChecks.exactlyOneFiring(webhook);
                assertThat(historyStatuses(port)).containsExactly("firing");
            }
        }
    }

    private List<String> historyStatuses(int port) throws Exception {
        HttpResponse<String> response = get(port, "/api/v1/alerts/history?hours=1");
        List<String> statuses = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body())
                    .forEach(row -> statuses.add(row.get("status").asText()));
        }
        return statuses;
    }

    private int status(int port, String path) throws Exception {
        return get(port, path).statusCode();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
