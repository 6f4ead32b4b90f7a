package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.persistence.TestPostgres;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent answers on its port before its database is open: with PostgreSQL frozen behind a proxy, {@code /health/live}
 * is UP, {@code /health/ready} DOWN "starting: database", {@code /metrics} serves, a push is accepted, and what needs
 * the database answers 503. Once the database answers, the database half joins, and the push made before is evaluated
 * once: one FIRING transition, not two.
 */
class TwoHalvesStartTest {
    private static final String TOKEN = "bot-token";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(90)
    void thePortAnswersBeforeTheDatabaseAndAPushMadeMeanwhileIsEvaluatedOnceItJoins() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: scheduler, type: scheduler, source: push, stale_after_seconds: 86400 }
                """);
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - name: scheduler_stopped
                    metric_name: scheduler_running
                    condition: lt
                    threshold: 1
                    severity: high
                    for_duration: 0
                """);
        int port = freePort();
        try (FreezableProxy proxy = FreezableProxy.inFrontOf(url)) {
            proxy.freeze();
            AgentBuilder builder = MonitoringAgent.builder()
                    .settings(TestEnvironment.agent(
                            dir,
                            "METRICS_HTTP_PORT",
                            String.valueOf(port),
                            "MONITORING_DB_URL",
                            proxy.url(),
                            "MONITORING_DB_TIMEOUT_SECONDS",
                            "60",
                            "COMPONENTS_FILE",
                            dir.resolve("components.yaml").toString(),
                            "ALERT_RULES_FILE",
                            dir.resolve("rules.yaml").toString(),
                            "MONITORING_API_TOKEN",
                            TOKEN,
                            "METRICS_COLLECTION_INTERVAL",
                            "86400",
                            "ALERT_EVALUATION_INTERVAL",
                            "86400"));
            CompletableFuture<MonitoringAgent> starting = CompletableFuture.supplyAsync(builder::start);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> answers(port, "/health/live"));
                assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
                HttpResponse<String> ready = get(port, "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body())
                        .contains("{\"name\":\"database\",\"status\":\"DOWN\",\"detail\":\"starting: database\"}");
                assertThat(get(port, "/metrics").statusCode()).isEqualTo(200);
                HttpResponse<String> alerts = get(port, "/api/v1/alerts");
                assertThat(alerts.statusCode()).isEqualTo(503);
                assertThat(alerts.body()).contains("starting: database; try again shortly");
                assertThat(alerts.headers().firstValue("Retry-After")).hasValue("1");

                HttpResponse<String> pushed = push(port, "{\"running\": false, \"task_definitions\": 3}");
                assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> get(port, "/metrics").body().contains("\nscheduler_running 0.0"));
                assertThat(starting)
                        .as("the database half waits for the database")
                        .isNotDone();

                proxy.thaw();
                try (MonitoringAgent agent = starting.get(60, TimeUnit.SECONDS)) {
                    // Judged before the start returns: no moment of "no alerts" between the join and the first pass.
                    assertThat(get(port, "/api/v1/alerts").body()).contains("\"status\":\"firing\"");
                    assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
                    assertThat(agent.activeAlerts())
                            .singleElement()
                            .satisfies(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.FIRING));
                    List<Alert> firings = agent.alertHistory().stream()
                            .filter(alert -> alert.status() == AlertStatus.FIRING)
                            .toList();
                    assertThat(firings).as("the push was evaluated once").hasSize(1);
                }
            } finally {
                proxy.thaw();
                starting.thenAccept(MonitoringAgent::close);
            }
        }
    }

    private boolean answers(int port, String path) {
        try {
            get(port, path);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> push(int port, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/components/scheduler"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
