package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Poison inputs against the real process: an over-long label in a push is refused at the edge and every healthy rule
 * keeps alerting; settings and rules that once passed validation and then killed or hung the agent are refused by
 * start-up (exit 2) and by check-config (exit 1) alike, naming the variable or the file position.
 */
class PoisonInputsEndToEndTest {
    private static final String TOKEN = "poison-test-token";

    @TempDir
    Path dir;

    @Test
    void anOverLongPushedLabelIsRefusedAndHealthyRulesKeepAlerting() throws Exception {
        Path components = Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: capital_allocator, type: capital_allocator, source: push }
                  - { name: risk_manager, type: risk_manager, source: push }
                """);
        Path rules = Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - { name: risk_level_critical, metric_name: risk_level, condition: gte, threshold: 3,
                      severity: critical, description: Risk is critical, for_duration: 0 }
                """);
        Map<String, String> environment = TestEnvironment.agent(
                dir,
                "COMPONENTS_FILE",
                components.toString(),
                "ALERT_RULES_FILE",
                rules.toString(),
                "MONITORING_API_TOKEN",
                TOKEN,
                "METRICS_COLLECTION_INTERVAL",
                "0.2",
                "ALERT_EVALUATION_INTERVAL",
                "0.2");
        try (AgentProcess agent = AgentProcess.startFromClasspath(environment)) {
            int port = agent.awaitPort();
            HttpResponse<String> poison = push(
                    port, "capital_allocator", "{\"protocol_allocations\": {\"" + "p".repeat(5_000) + "\": 40.0}}");
            assertThat(poison.statusCode()).isEqualTo(400);
            assertThat(poison.body()).contains("1024").doesNotContain("p".repeat(100));

            assertThat(push(port, "risk_manager", "{\"risk_level\": \"critical\"}")
                            .statusCode())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agent.get("/api/v1/alerts/history?hours=1").contains("\"status\":\"firing\""));
            assertThat(agent.get("/api/v1/alerts/quarantine")).isEqualTo("[]");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ALERT_EVALUATION_INTERVAL | 1e-10",
                "METRICS_COLLECTION_INTERVAL | 0.000001",
                "METRICS_AGGREGATION_WINDOW_SECONDS | 0.000001",
                "METRICS_RETENTION_PERIOD_HOURS | 3000000000000",
                "ALERT_RETENTION_HOURS | 3000000000000",
                "METRICS_DISK_PATH | /nonexistent"
            })
    void aSettingOutOfRangeStopsStartUpAndFailsCheckConfigNamingIt(String variable, String value) throws Exception {
        Map<String, String> environment = TestEnvironment.agent(dir, variable, value);
        Result start = run(environment);
        assertThat(start.status()).isEqualTo(2);
        assertThat(start.errors())
                .singleElement()
                .asString()
                .startsWith("airdrops-monitoring: configuration error: " + variable + "='" + value + "' is invalid");

        Result check = run(environment, "check-config");
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.output()).anySatisfy(line -> assertThat(line).startsWith("ERROR: " + variable + "='"));
    }

    @Test
    void anOverLongRuleNameAndAFifoAsRulesFileAreLocatedErrors() throws Exception {
        Path rules = Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - { name: %s, metric_name: risk_level, condition: gte, threshold: 3, severity: low }
                """.formatted("r".repeat(300)));
        Result check = run(TestEnvironment.agent(dir, "ALERT_RULES_FILE", rules.toString()), "check-config");
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.output())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("ERROR: " + rules + ":2:")
                        .contains("rules[0].name: expected a name of 1 to 200 characters"));

        Path fifo = dir.resolve("rules.fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Result start = run(TestEnvironment.agent(dir, "ALERT_RULES_FILE", fifo.toString()));
        assertThat(start.status())
                .as("refused at once, not hanging on the pipe")
                .isEqualTo(2);
        assertThat(start.errors()).anySatisfy(line -> assertThat(line).contains("not a regular file"));
    }

    private record Result(int status, List<String> output, List<String> errors) {}

    private static Result run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(
                        key -> key.startsWith("METRICS_") || key.startsWith("ALERT_") || key.startsWith("MONITORING_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the process ends by itself")
                .isTrue();
        List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.startsWith("WARNING:"))
                .toList();
        List<String> errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.startsWith("WARNING:") && !line.isBlank())
                .toList();
        return new Result(process.exitValue(), output, errors);
    }

    private static HttpResponse<String> push(int port, String component, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/components/" + component))
                                .header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
