package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real agent (OSHI, Micrometer, Javalin) on a free port and uses it over HTTP. */
class AgentEndToEndTest {
    private static MonitoringAgent agent;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    @BeforeAll
    static void startAgent() {
        agent = MonitoringAgent.start(
                AgentConfiguration.load(TestEnvironment.agent(dir, "METRICS_COLLECTION_INTERVAL", "0.2")));
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/health/ready").statusCode() == 200);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Test
    void servesEverySystemMetric() throws Exception {
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .containsPattern("(?m)^system_cpu_usage_percent [0-9.]+")
                .containsPattern("(?m)^system_memory_usage_percent [0-9.]+")
                .containsPattern("(?m)^system_disk_usage_percent [0-9.]+")
                .containsPattern("(?m)^system_network_bytes_sent_total [0-9.E]+")
                .containsPattern("(?m)^system_network_bytes_recv_total [0-9.E]+")
                .containsPattern("(?m)^monitoring_collections_total [0-9.]+");
    }

    @Test
    void promtoolFindsNothingToCriticise() throws Exception {
        String metrics = get("/metrics").body();
        ExternalTool.Result result =
                ExternalTool.run(List.of(ExternalTool.require("promtool").toString(), "check", "metrics"), metrics);
        assertThat(result.output()).as("promtool findings").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void theCollectionLoopKeepsRunning() {
        await().atMost(Duration.ofSeconds(10)).until(() -> collections() >= 3);
    }

    @Test
    void readinessReportsTheCollectionAndDatabaseChecks() throws Exception {
        assertThat(get("/health/ready").body())
                .contains("\"name\":\"collection\"", "\"name\":\"database\"", "\"status\":\"UP\"");
    }

    private static double collections() throws Exception {
        return get("/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith("monitoring_collections_total "))
                .mapToDouble(line -> Double.parseDouble(line.split(" ")[1]))
                .findFirst()
                .orElse(0);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
