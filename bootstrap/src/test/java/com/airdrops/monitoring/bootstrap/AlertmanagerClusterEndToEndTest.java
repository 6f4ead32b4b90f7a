package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RealAlertmanager;
import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grouping across hosts is Alertmanager's job: two agents (instances bot-a and bot-b) send the same rule's alert to
 * both members of a real two-member Alertmanager cluster, and the people behind its webhook get one notification
 * holding both alerts, told apart by their instance label.
 */
class AlertmanagerClusterEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void alertsOfTwoAgentsAreGroupedAndNotifiedOnceByTheCluster() throws Exception {
        AtomicReference<String> level = new AtomicReference<>("low");
        int clusterA = freePort();
        int clusterB = freePort();
        try (RecordingReceiver people = new RecordingReceiver();
                StatusServer status = StatusServer.riskLevel(() -> level.get());
                RealAlertmanager memberA = RealAlertmanager.startClusterMember(
                        dir.resolve("am-a"),
                        clusterA,
                        List.of(clusterB),
                        people.url("/am").toString(),
                        Duration.ofSeconds(10));
                RealAlertmanager memberB = RealAlertmanager.startClusterMember(
                        dir.resolve("am-b"),
                        clusterB,
                        List.of(clusterA),
                        people.url("/am").toString(),
                        Duration.ofSeconds(10))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> memberA.clusterSize() == 2 && memberB.clusterSize() == 2);
            try (AgentProcess a = AgentProcess.startFromClasspath(agent("a", status, memberA, memberB));
                    AgentProcess b = AgentProcess.startFromClasspath(agent("b", status, memberA, memberB))) {
                a.awaitPort();
                b.awaitPort();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> a.get("/health/ready").contains("\"UP\"")
                                && b.get("/health/ready").contains("\"UP\""));

                level.set("critical"); // both agents fire within a collection of each other

                await().atMost(Duration.ofSeconds(40)).until(() -> !people.requests.isEmpty());
                // Each member got both alerts from both agents; the second member holds back for its peer timeout
                // (2 s) and then finds the notification already sent: nothing more arrives.
                await().during(Duration.ofSeconds(5))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> people.requests.size() == 1);
                JsonNode notification = JSON.readTree(people.requests.getFirst().body());
                assertThat(notification.get("groupLabels").get("alertname").asText())
                        .isEqualTo("risk_level_critical");
                assertThat(notification.get("alerts").findValuesAsText("instance"))
                        .containsExactlyInAnyOrder("bot-a", "bot-b");
            }
        }
    }

    private Map<String, String> agent(String name, StatusServer status, RealAlertmanager... members)
            throws IOException {
        Path home = Files.createDirectories(dir.resolve("agent-" + name));
        Map<String, String> environment =
                RiskScenario.environment(home, status.url(), null, "MONITORING_INSTANCE", "bot-" + name);
        Files.writeString(home.resolve("notifications.yaml"), """
                channels:
                  - { name: am, type: alertmanager, config: { urls: ["%s", "%s"] } }
                """.formatted(members[0].url(), members[1].url()));
        return environment;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
