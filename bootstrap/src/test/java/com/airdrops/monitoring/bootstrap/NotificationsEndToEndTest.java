package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RealAlertmanager;
import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.airdrops.monitoring.adapters.notify.WebhookNotifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6's "done when" with the agent as a real process and real peers: a local webhook receiver, a Slack-like
 * receiver, GreenMail SMTP and Debian's Alertmanager.
 */
class NotificationsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBHOOK_SECRET = "topsecret-hmac-key";
    private static final String SLACK_PATH = "/services/T000/B000/slack-secret-path";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final AtomicReference<String> riskLevel = new AtomicReference<>("critical");
    private StatusServer statusServer;
    private Path components;
    private Path rules;

    @BeforeEach
    void startStatusServer() throws IOException {
        statusServer = StatusServer.riskLevel(() -> riskLevel.get());
        components = Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: risk_manager, type: risk_manager, source: poll, url: "%s" }
                """.formatted(statusServer.url()));
        rules = Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - { name: risk_level_critical, metric_name: risk_level, condition: gte, threshold: 3,
                      severity: critical, description: RiskManager reports a critical risk level, for_duration: 0 }
                """);
    }

    @AfterEach
    void stop() {
        statusServer.close();
    }

    @Test
    void aCriticalRiskLevelReachesEveryChannelThenResolvesAndSecretsStayHidden() throws Exception {
        try (RecordingReceiver webhook = new RecordingReceiver();
                RecordingReceiver slack = new RecordingReceiver();
                RealAlertmanager alertmanager = RealAlertmanager.start(dir)) {
            webhook.answer(500);
            webhook.answer(500);
            webhook.answer(500);
            Path notifications = Files.writeString(dir.resolve("notifications.yaml"), """
                    channels:
                      - { name: ops-slack, type: slack, severities: [high, critical], config: { webhook_url: "${SLACK_WEBHOOK_URL}" } }
                      - name: audit-webhook
                        type: webhook
                        config: { url: "%s", secret: "${WEBHOOK_SECRET}", headers: { X-Team: ops } }
                      - name: oncall-email
                        type: email
                        config: { smtp_host: 127.0.0.1, smtp_port: %d, transport: smtp, from: monitor@example.org, to: [oncall@example.org] }
                      - { name: am, type: alertmanager, config: { urls: ["%s"] } }
                    policy:
                      send_resolved: true
                      repeat_interval_seconds: 3600
                      rate_limit_per_minute: 30
                      retry: { max_attempts: 5, initial_backoff_seconds: 0.2, max_backoff_seconds: 1, timeout_seconds: 2 }
                    """.formatted(
                            webhook.url("/hook"), SMTP.getSmtp().getPort(), alertmanager.url()));
            Map<String, String> environment = environment(
                    notifications,
                    "WEBHOOK_SECRET",
                    WEBHOOK_SECRET,
                    "SLACK_WEBHOOK_URL",
                    slack.url(SLACK_PATH).toString());

            try (AgentProcess agent = AgentProcess.startFromClasspath(environment)) {
                agent.awaitPort();
                // The webhook answers 500 three times: the fourth attempt delivers, with the same event id each time.
                await().atMost(Duration.ofSeconds(30)).until(() -> webhook.requests.size() >= 4);
                assertThat(webhook.requests)
                        .extracting(request -> request.header("X-Alert-Event-Id"))
                        .hasSize(4)
                        .containsOnly(webhook.requests.getFirst().header("X-Alert-Event-Id"));
                RecordingReceiver.Request delivered = webhook.requests.get(3);
                assertThat(delivered.header("X-Signature-256"))
                        .isEqualTo("sha256=" + WebhookNotifier.hmacSha256(WEBHOOK_SECRET, delivered.body()));
                assertThat(delivered.header("X-Team")).isEqualTo("ops");
                JsonNode body = JSON.readTree(delivered.body());
                assertThat(body.get("version").asText()).isEqualTo("4");
                assertThat(body.get("status").asText()).isEqualTo("firing");
                assertThat(body.get("alerts")
                                .get(0)
                                .get("labels")
                                .get("alertname")
                                .asText())
                        .isEqualTo("risk_level_critical");

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> slack.requests.size() == 1
                                && SMTP.getReceivedMessages().length == 1
                                && alertmanager.alerts(true).size() == 1);
                assertThat(JSON.readTree(slack.requests.getFirst().body())
                                .get("attachments")
                                .get(0)
                                .get("color")
                                .asText())
                        .isEqualTo("#d00000");
                assertThat(SMTP.getReceivedMessages()[0].getSubject())
                        .isEqualTo("[CRITICAL] FIRING: risk_level_critical");
                // Self-metrics are sampled by the next collection.
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () -> agent.metrics()
                                                .contains(
                                                        "monitoring_notifications_total{channel=\"audit-webhook\",outcome=\"retried\"} 3.0")
                                        && agent.metrics()
                                                .contains(
                                                        "monitoring_notifications_total{channel=\"audit-webhook\",outcome=\"sent\"} 1.0"));

                // Still firing over several passes: within repeat_interval nothing is sent again.
                double passes = evaluations(agent);
                await().atMost(Duration.ofSeconds(20)).until(() -> evaluations(agent) >= passes + 4);
                assertThat(slack.requests).hasSize(1);
                assertThat(webhook.requests).hasSize(4);

                riskLevel.set("low");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> webhook.requests.size() == 5
                                && slack.requests.size() == 2
                                && SMTP.getReceivedMessages().length == 2
                                && alertmanager.alerts(true).isEmpty());
                assertThat(JSON.readTree(webhook.requests.get(4).body())
                                .get("status")
                                .asText())
                        .isEqualTo("resolved");
                assertThat(JSON.readTree(slack.requests.get(1).body())
                                .get("attachments")
                                .get(0)
                                .get("color")
                                .asText())
                        .isEqualTo("#2eb886");
                assertThat(SMTP.getReceivedMessages()[1].getSubject())
                        .isEqualTo("[CRITICAL] RESOLVED: risk_level_critical");

                // The log tells the story: each transition, and each delivered notification with its event id.
                String log = String.join("\n", agent.output());
                // The start-up summary says what was loaded and from where.
                assertThat(log)
                        .contains("1 alert rules from " + rules.toAbsolutePath())
                        .contains("4 notification channels from " + notifications.toAbsolutePath()
                                + ": 1 alertmanager, 1 email, 1 slack, 1 webhook")
                        .contains("1 components from " + components.toAbsolutePath() + ": 1 risk_manager/poll")
                        .contains("Database: jdbc:h2:file:" + dir.resolve("db/monitoring"))
                        .contains(
                                "Channel types [alertmanager, discord, email, pagerduty, slack, telegram, webhook], plugin component types []");
                assertThat(log)
                        .contains(
                                "Alert risk_level_critical {instance=test-agent} FIRING value=3.0 threshold=3.0 severity=critical")
                        .contains("Alert risk_level_critical {instance=test-agent} RESOLVED")
                        .contains("Notification " + webhook.requests.get(3).header("X-Alert-Event-Id")
                                + " to audit-webhook delivered (1 alerts, firing) on attempt 4");
                String channels = agent.get("/api/v1/channels");
                assertThat(channels)
                        .contains("\"secret\":\"***\"", "\"webhook_url\":\"***\"")
                        .doesNotContain(WEBHOOK_SECRET)
                        .doesNotContain("slack-secret-path");
                assertThat(String.join("\n", agent.output()))
                        .doesNotContain(WEBHOOK_SECRET)
                        .doesNotContain("slack-secret-path");
            }
        }
    }

    @Test
    void aNotificationForAWebhookThatIsDownSurvivesSigkillAndIsDeliveredOnceAfterRestart() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path notifications = Files.writeString(dir.resolve("notifications.yaml"), """
                channels:
                  - { name: hook, type: webhook, config: { url: "http://127.0.0.1:%d/hook" } }
                policy:
                  retry: { max_attempts: 100, initial_backoff_seconds: 0.2, max_backoff_seconds: 0.5, timeout_seconds: 1 }
                """.formatted(port));
        Map<String, String> environment = environment(notifications);

        try (AgentProcess first = AgentProcess.startFromClasspath(environment)) {
            first.awaitPort();
            // At least two failed attempts (the counter is sampled every collection, so it may skip values).
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            value(first, "monitoring_notifications_total{channel=\"hook\",outcome=\"failed\"}") >= 2);
            first.kill();
        }
        try (RecordingReceiver webhook = new RecordingReceiver(port);
                AgentProcess second = AgentProcess.startFromClasspath(environment)) {
            second.awaitPort();
            await().atMost(Duration.ofSeconds(30)).until(() -> webhook.requests.size() == 1);
            // And never again: several delivery rounds and evaluation passes later, still exactly one.
            WebhookChecks.exactlyOneFiring(webhook);
        }
    }

    private Map<String, String> environment(Path notifications, String... extra) {
        Map<String, String> environment = TestEnvironment.agent(
                dir,
                "COMPONENTS_FILE",
                components.toString(),
                "ALERT_RULES_FILE",
                rules.toString(),
                "NOTIFICATIONS_FILE",
                notifications.toString(),
                "METRICS_COLLECTION_INTERVAL",
                "0.5",
                "ALERT_EVALUATION_INTERVAL",
                "0.5");
        for (int i = 0; i < extra.length; i += 2) {
            environment.put(extra[i], extra[i + 1]);
        }
        return environment;
    }

    private static double evaluations(AgentProcess agent) throws Exception {
        return value(agent, "monitoring_alert_evaluations_total");
    }

    /** The value of one series on /metrics, 0 while it is absent. */
    private static double value(AgentProcess agent, String series) throws Exception {
        return agent.metrics()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
