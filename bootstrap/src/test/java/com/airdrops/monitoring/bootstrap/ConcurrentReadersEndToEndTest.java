package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.persistence.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 150 concurrent readers of the alert history on PostgreSQL: the agent holds at most its pools' connections, its own
 * saves go on succeeding, and every reader gets an answer (200, or 503 when its pool is busy), never a hang.
 */
class ConcurrentReadersEndToEndTest {
    private static final int READERS = 150;

    @TempDir
    Path dir;

    @Test
    void aStormOfReadersNeitherExhaustsTheDatabaseNorStopsTheAgentsOwnSaves() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        String[] level = {"critical"};
        try (StatusServer status = StatusServer.riskLevel(() -> level[0])) {
            Map<String, String> environment = RiskScenario.environment(
                    dir, status.url(), null, "MONITORING_DB_URL", url, "MONITORING_DB_POOL_SIZE", "4");
            try (AgentProcess agent = AgentProcess.startFromClasspath(environment)) {
                int port = agent.awaitPort();
                HttpClient client = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                Set<Integer> statuses = ConcurrentHashMap.newKeySet();
                AtomicInteger answered = new AtomicInteger();
                AtomicInteger maxConnections = new AtomicInteger();
                long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
                ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
                for (int i = 0; i < READERS; i++) {
                    readers.submit(() -> {
                        while (System.nanoTime() < until) {
                            HttpResponse<String> response = client.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + port + "/api/v1/alerts/history?hours=1"))
                                            .timeout(Duration.ofSeconds(15))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            statuses.add(response.statusCode());
                            answered.incrementAndGet();
                        }
                        return null;
                    });
                }
                // The agent's own work goes on meanwhile: the alert flips and every flip must be saved.
                for (int flip = 0; flip < 10 && System.nanoTime() < until; flip++) {
                    level[0] = flip % 2 == 0 ? "low" : "critical";
                    maxConnections.accumulateAndGet(agentConnections(url), Math::max);
                    Thread.sleep(500); // pacing the flips, not waiting for a result
                }
                readers.shutdown();
                assertThat(readers.awaitTermination(60, TimeUnit.SECONDS))
                        .as("no reader hangs")
                        .isTrue();

                assertThat(statuses)
                        .as("answers, or 503 when the read pool is busy")
                        .isSubsetOf(200, 503);
                assertThat(answered.get()).isGreaterThanOrEqualTo(READERS);
                assertThat(maxConnections.get())
                        .as("connections the agent holds: its read pool (4) and write pool (4)")
                        .isBetween(1, 8);
                String metrics = agent.metrics();
                assertThat(metrics).contains("monitoring_alert_save_failures_total 0.0");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> agent.get("/api/v1/alerts/history?hours=1").split("\"status\"").length - 1 >= 5);
            }
        }
    }

    /** Connections the agent opened (HikariCP names them by application name). */
    private static int agentConnections(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                                + "'airdrops-monitoring'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
