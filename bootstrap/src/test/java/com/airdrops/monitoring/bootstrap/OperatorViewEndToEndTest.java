package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a running agent: the log tells what was loaded, each transition and each delivery; a push
 * is judged at once and /metrics shows the alert and the delivery as soon as the API does; the shipped Grafana
 * dashboard's every query and the probe histogram answer through a real Prometheus scraping the agent.
 */
class OperatorViewEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "operator-token";
    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aPushIsJudgedAtOnceAndTheLogAndMetricsTellTheStoryWithDefaultIntervals() throws Exception {
        try (RecordingReceiver webhook = new RecordingReceiver();
                AgentProcess agent = AgentProcess.startFromClasspath(environment(webhook, Map.of()))) {
            agent.awaitPort();
            // At least one collection (a second may come soon after the first: collections keep to slots of the
            // wall clock, and the first runs at start, wherever that falls in its slot).
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> RiskScenario.value(agent.metrics(), "monitoring_collections_total") >= 1);

            // Collection every 30 s and evaluation every 60 s (the defaults): the push alone must make it fire.
            long pushed = System.nanoTime();
            assertThat(agent.post("/api/v1/components/risk_manager", TOKEN, "{\"risk_level\": \"critical\"}"))
                    .contains("accepted");
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> agent.get("/api/v1/alerts").contains("\"status\":\"firing\""));
            double firedAfter = (System.nanoTime() - pushed) / 1e9;
            assertThat(firedAfter).isLessThan(5);
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> RiskScenario.value(
                                    agent.metrics(), "monitoring_alerts{severity=\"critical\",state=\"firing\"}")
                            == 1);

            await().atMost(Duration.ofSeconds(10)).until(() -> webhook.requests.size() == 1);
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> RiskScenario.value(
                                    agent.metrics(),
                                    "monitoring_notifications_total{channel=\"hook\",outcome=\"sent\"}")
                            == 1);
            String eventId = webhook.requests.getFirst().header("X-Alert-Event-Id");

            String log = String.join("\n", agent.output());
            assertThat(log)
                    .contains(
                            "Home " + dir.toAbsolutePath() + " (MONITORING_HOME)",
                            "Database: jdbc:h2:file:" + dir.resolve("db/monitoring"),
                            "1 alert rules from " + dir.resolve("alert_rules.yaml"),
                            "1 notification channels from " + dir.resolve("notifications.yaml") + ": 1 webhook",
                            "1 components from " + dir.resolve("components.yaml") + ": 1 risk_manager/push",
                            "plugins folder " + dir.resolve("plugins"),
                            "listening on 127.0.0.1:" + agent.awaitPort())
                    .containsPattern(
                            "Airdrops Monitoring started in \\d+\\.\\d\\d s \\(answering after \\d+\\.\\d\\d s; database, "
                                    + "alert state and loops \\d+\\.\\d\\d s more; the JVM has run \\d+\\.\\d\\d s\\)")
                    .containsPattern(
                            "Alert risk_level_critical \\{instance=test-agent} FIRING value=3\\.0 threshold=3\\.0 severity=critical")
                    .containsPattern(
                            "Notification " + eventId + " to hook delivered \\(1 alerts, firing\\) on attempt 1");
        }
    }

    @Test
    void everyDashboardQueryAndTheProbeHistogramAnswerThroughARealPrometheus() throws Exception {
        try (RecordingReceiver webhook = new RecordingReceiver();
                StatusServer slowComponent = new StatusServer(() -> {
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // the probe's true latency
                    return "{\"status\": \"healthy\"}";
                });
                AgentProcess agent = AgentProcess.startFromClasspath(environment(
                        webhook,
                        Map.of(
                                "METRICS_COLLECTION_INTERVAL", "0.5",
                                "ALERT_EVALUATION_INTERVAL", "0.5",
                                "SLOW_URL", slowComponent.url())))) {
            int agentPort = agent.awaitPort();
            // The example bot feeds the agent, so every panel of the Bot row has its data.
            Process bot = exampleBot(agentPort);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> webhook.requests.size() == 1);
                checkDashboard(agentPort);
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    /** examples/python-bot/bot.py with the client from the repository, its risk critical from its first second. */
    private static Process exampleBot(int agentPort) throws IOException {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        ProcessBuilder builder = new ProcessBuilder(
                        python,
                        repository.resolve("examples/python-bot/bot.py").toString(),
                        "--interval",
                        "1",
                        "--critical-after",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment()
                .put("PYTHONPATH", repository.resolve("clients/python/src").toString());
        builder.environment().put("AIRDROPS_AGENT_URL", "http://127.0.0.1:" + agentPort);
        builder.environment().put("MONITORING_API_TOKEN", TOKEN);
        return builder.start();
    }

    /** Every panel's query, and the probe histogram, through a real Prometheus scraping the agent. */
    private void checkDashboard(int agentPort) throws Exception {
        String scrapeConfig = Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"))
                .replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("'127.0.0.1:8000'", "'127.0.0.1:" + agentPort + "'");
        assertThat(scrapeConfig).contains("127.0.0.1:" + agentPort);
        Files.copy(
                DEPLOY.resolve("prometheus/airdrops-monitoring-rules.yml"),
                dir.resolve("airdrops-monitoring-rules.yml"));
        Path config = Files.writeString(dir.resolve("prometheus.yml"), scrapeConfig);
        try (RealPrometheus prometheus = RealPrometheus.start(dir, config)) {
            List<String> expressions = dashboardExpressions();
            assertThat(expressions).hasSizeGreaterThanOrEqualTo(20);
            // Every panel answers once Prometheus holds a few scrapes.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(expressions)
                            .allSatisfy(expression -> assertThat(series(prometheus, expression))
                                    .as(expression)
                                    .isNotEmpty()));

            String slow = "{job=\"airdrops-monitoring\",component=\"slow\"}";
            double median = value(
                    prometheus,
                    "histogram_quantile(0.5, sum by (le) (rate(component_execution_seconds_bucket" + slow + "[10s])))");
            double mean = value(
                    prometheus,
                    "sum(rate(component_execution_seconds_sum" + slow + "[10s])) / sum(rate("
                            + "component_execution_seconds_count" + slow + "[10s]))");
            assertThat(mean).isGreaterThanOrEqualTo(0.005);
            assertThat(median).isBetween(mean / 2, mean * 2);
        }
    }

    /** Every panel's query, with the dashboard's variables as Grafana fills them for "all agents". */
    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = JSON.readTree(
                DEPLOY.resolve("grafana/airdrops-monitoring-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(
                        target.get("expr").asText().replace("$instance", ".*").replace("$__rate_interval", "10s"));
            }
        }
        return expressions;
    }

    private Map<String, String> environment(RecordingReceiver webhook, Map<String, String> extra) throws IOException {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: risk_manager, type: risk_manager, source: push, stale_after_seconds: 3600 }
                """ + (extra.containsKey("SLOW_URL") ? """
                  - { name: capital_allocator, type: capital_allocator, source: push, stale_after_seconds: 3600 }
                  - { name: scheduler, type: scheduler, source: push, stale_after_seconds: 3600 }
                  - { name: slow, type: generic, source: poll, url: "${SLOW_URL}" }
                """ : ""));
        Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - { name: risk_level_critical, metric_name: risk_level, condition: gte, threshold: 3,
                      severity: critical, description: Risk is critical, for_duration: 0 }
                """);
        Files.writeString(dir.resolve("notifications.yaml"), """
                channels:
                  - { name: hook, type: webhook, config: { url: "%s" } }
                """.formatted(webhook.url("/hook")));
        List<String> pairs = new ArrayList<>(List.of(
                "MONITORING_HOME", dir.toString(),
                "COMPONENTS_FILE", "components.yaml",
                "ALERT_RULES_FILE", "alert_rules.yaml",
                "NOTIFICATIONS_FILE", "notifications.yaml",
                "MONITORING_DB_URL", "jdbc:h2:file:./db/monitoring",
                "MONITORING_API_TOKEN", TOKEN));
        extra.forEach((key, value) -> pairs.addAll(List.of(key, value)));
        return TestEnvironment.agent(dir, pairs.toArray(String[]::new));
    }

    private static List<JsonNode> series(RealPrometheus prometheus, String promql)
            throws IOException, InterruptedException {
        JsonNode answer = prometheus.query(promql);
        assertThat(answer.get("status").asText()).as(promql).isEqualTo("success");
        List<JsonNode> result = new ArrayList<>();
        answer.get("data").get("result").forEach(result::add);
        return result;
    }

    private static double value(RealPrometheus prometheus, String promql) throws IOException, InterruptedException {
        List<JsonNode> result = series(prometheus, promql);
        assertThat(result).as(promql).hasSize(1);
        return Double.parseDouble(result.getFirst().get("value").get(1).asText());
    }
}
