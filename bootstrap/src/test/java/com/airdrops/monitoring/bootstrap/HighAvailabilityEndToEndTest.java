package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.airdrops.monitoring.adapters.persistence.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An active/standby pair: two agents of one instance on a real PostgreSQL. The leader is SIGKILLed while an alert is
 * pending; the standby takes over within the lease (3 s here), restores the alert with its timer, fires it once at
 * the right time, and the deposed leader, back again, stands by and writes nothing.
 */
class HighAvailabilityEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FOR_DURATION = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @Test
    void theStandbyTakesOverAPendingAlertAndFiresItOnceOnTime() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        AtomicReference<String> level = new AtomicReference<>("low");
        try (RecordingReceiver webhook = new RecordingReceiver();
                StatusServer status = StatusServer.riskLevel(() -> level.get())) {
            Map<String, String> environmentA = agent("a", status, webhook, url);
            Map<String, String> environmentB = agent("b", status, webhook, url);
            AgentProcess leader = AgentProcess.startFromClasspath(environmentA);
            try (AgentProcess standby = startAfter(leader, environmentB)) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> standby.get("/health/ready").contains("standby for instance pair"));
                assertThat(RiskScenario.value(standby.metrics(), "monitoring_ha_leader"))
                        .isZero();

                long critical = System.nanoTime();
                level.set("critical");
                // The history is read from the database: the pending alert is saved, not only shown (the active list
                // shows a transition a moment before its save ends, and a kill in that moment loses it).
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> leader.get("/api/v1/alerts/history").contains("\"status\":\"pending\""));
                leader.kill(); // SIGKILL while pending: no hand-over, the lease runs out

                await().atMost(Duration.ofSeconds(15)).until(() -> webhook.requests.size() >= 1);
                double firedAfter = (System.nanoTime() - critical) / 1e9;
                assertThat(firedAfter)
                        .as("fired at the pending timer's end, not a new timer started at the take-over")
                        .isBetween(FOR_DURATION.toSeconds() - 0.5, FOR_DURATION.toSeconds() + 3.5);
                assertThat(standby.get("/health/ready")).contains("leader of instance pair");
                assertThat(RiskScenario.value(standby.metrics(), "monitoring_ha_leader"))
                        .isEqualTo(1);

                try (AgentProcess back = AgentProcess.startFromClasspath(environmentA)) {
                    back.awaitPort();
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> back.get("/health/ready").contains("standby for instance pair"));
                    WebhookChecks.exactlyOneFiring(webhook);
                    assertThat(JSON.readTree(standby.get("/api/v1/alerts/history"))
                                    .findValuesAsText("status"))
                            .as("one pending and one firing transition: nothing twice")
                            .containsExactly("firing", "pending");
                }
            } finally {
                leader.close();
            }
        }
    }

    private static AgentProcess startAfter(AgentProcess leader, Map<String, String> environment) throws Exception {
        leader.awaitPort();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> leader.get("/health/ready").contains("leader of instance pair"));
        AgentProcess standby = AgentProcess.startFromClasspath(environment);
        standby.awaitPort();
        return standby;
    }

    private Map<String, String> agent(String name, StatusServer status, RecordingReceiver webhook, String url)
            throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Map<String, String> environment = RiskScenario.environment(
                home,
                status.url(),
                webhook.url("/hook").toString(),
                "MONITORING_DB_URL",
                url,
                "MONITORING_INSTANCE",
                "pair",
                "MONITORING_HOME",
                home.toString(),
                "MONITORING_HA_LEASE_SECONDS",
                "3");
        Files.writeString(home.resolve("alert_rules.yaml"), """
                rules:
                  - { name: risk_level_critical, metric_name: risk_level, condition: gte, threshold: 3,
                      severity: critical, description: Risk is critical, for_duration: %d }
                """.formatted(FOR_DURATION.toSeconds()));
        return environment;
    }
}
