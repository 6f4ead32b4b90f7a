package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.domain.fixtures.SnapshotJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real agent polling a real local status server and taking pushes, as in issue #3's "done when". */
class ComponentsEndToEndTest {
    private static final String TOKEN = "test-token";

    @TempDir
    Path dir;

    private StatusServer statusServer;
    private MonitoringAgent agent;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        statusServer = new StatusServer(() -> SnapshotJson.full("critical"));
        String url = statusServer.url();
        Path components = Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: risk_manager, type: risk_manager, source: poll, url: "%1$s", timeout_seconds: 1, stale_after_seconds: 5 }
                  - { name: capital_allocator, type: capital_allocator, source: poll, url: "%1$s", timeout_seconds: 1 }
                  - { name: scheduler, type: scheduler, source: poll, url: "%1$s", timeout_seconds: 1 }
                  - { name: wallet, type: generic, source: push, stale_after_seconds: 60 }
                """.formatted(url));
        agent = MonitoringAgent.start(AgentConfiguration.load(TestEnvironment.agent(
                dir,
                "METRICS_COLLECTION_INTERVAL",
                "0.2",
                "COMPONENTS_FILE",
                components.toString(),
                "MONITORING_API_TOKEN",
                TOKEN)));
    }

    @AfterEach
    void stop() {
        agent.close();
        statusServer.close();
    }

    @Test
    void polledComponentsShowEveryBotMetricAndPromtoolStaysClean() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics().contains("risk_level 3.0"));
        String metrics = metrics();

        assertThat(metrics)
                .contains(
                        "risk_level 3.0",
                        "portfolio_value_usd 152340.55",
                        "circuit_breaker_active 0.0",
                        "risk_limit{limit=\"max_protocol_exposure\"} 0.2",
                        "capital_utilization_percent 71.5",
                        "protocol_allocation_percent{protocol=\"scroll\"} 40.0",
                        "protocol_allocation_percent{protocol=\"zksync\"} 35.0",
                        "scheduler_running 1.0",
                        "scheduled_tasks 12.0",
                        "task_executions{status=\"completed\"} 30.0",
                        "task_executions{status=\"failed\"} 2.0",
                        "component_status{component=\"risk_manager\"} 1.0",
                        "component_errors_total{component=\"risk_manager\"} 0.0",
                        "queue_depth{component=\"scheduler\"} 3.0",
                        "component_last_execution_seconds{component=\"scheduler\"} 0.42");
        assertThat(metrics)
                .containsPattern("component_execution_seconds_bucket\\{component=\"risk_manager\",le=\"0.005\"} ")
                .containsPattern("component_execution_seconds_count\\{component=\"risk_manager\"} [1-9]");

        ExternalTool.Result promtool =
                ExternalTool.run(List.of(ExternalTool.require("promtool").toString(), "check", "metrics"), metrics);
        assertThat(promtool.output()).as("promtool findings").isEmpty();
        assertThat(promtool.exitCode()).isZero();
    }

    @Test
    void stoppingTheStatusServerTurnsTheComponentsUnhealthyWhileTheRestFlows() throws Exception {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics().contains("component_status{component=\"risk_manager\"} 1.0"));
        double collectionsBefore = RiskScenario.value(metrics(), "monitoring_collections_total");

        statusServer.close();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics().contains("component_status{component=\"risk_manager\"} 0.0"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> RiskScenario.value(metrics(), "component_errors_total{component=\"risk_manager\"}") >= 2);
        String metrics = metrics();
        assertThat(metrics).doesNotContain("risk_level ").contains("system_cpu_usage_percent");
        assertThat(RiskScenario.value(metrics, "monitoring_collections_total")).isGreaterThan(collectionsBefore);
    }

    @Test
    void aPushWithTheTokenChangesTheValuesAndABadPushChangesNothing() throws Exception {
        assertThat(push("Bearer " + TOKEN, "{\"metrics\": {\"wallet_balance_eth\": 1.5}}")
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics().contains("wallet_balance_eth{component=\"wallet\"} 1.5"));

        assertThat(push("Bearer wrong", "{\"metrics\": {\"wallet_balance_eth\": 9}}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(push("Bearer " + TOKEN, "{\"metrics\": {\"wallet_balance_eth\": \"nine\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(push("Bearer " + TOKEN, "{\"metrics\": {\"wallet_balance_eth\": 2.5}}")
                        .statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics().contains("wallet_balance_eth{component=\"wallet\"} 2.5"));
    }

    private HttpResponse<String> push(String authorization, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/api/v1/components/wallet"))
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() throws Exception {
        return client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
