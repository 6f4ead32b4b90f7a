package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code tasks_failing} rule ({@code increase} over 600 s, {@code gt 2}) end to end: a scheduler pushes
 * its executions by status over HTTP to an agent whose clock the test moves; the third failure within ten minutes
 * pages, and the alert resolves ten minutes after the last one.
 */
class PushedCounterWindowEndToEndTest {
    private static final String TOKEN = "bot-token";
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private static final Pattern EVALUATIONS = Pattern.compile("(?m)^monitoring_alert_evaluations_total (\\S+)$");

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at(T0);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePushedSchedulersThirdFailureInTenMinutesPagesAndTheAlertResolvesTenMinutesAfterTheLast() throws Exception {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: scheduler, type: scheduler, source: push, stale_after_seconds: 86400 }
                """);
        try (MonitoringAgent agent = MonitoringAgent.builder()
                .clock(clock)
                .settings(TestEnvironment.agent(
                        dir,
                        "COMPONENTS_FILE",
                        dir.resolve("components.yaml").toString(),
                        "ALERT_RULES_FILE",
                        Path.of("../config/alert_rules.yaml")
                                .toAbsolutePath()
                                .normalize()
                                .toString(),
                        "MONITORING_API_TOKEN",
                        TOKEN,
                        "METRICS_COLLECTION_INTERVAL",
                        "86400",
                        "ALERT_EVALUATION_INTERVAL",
                        "86400"))
                .start()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agent.latestSnapshot().isPresent());
            for (int t : new int[] {0, 300, 600, 690, 700, 705}) {
                push(agent, t, t < 700 ? 40 : t < 705 ? 41 : 42);
            }
            assertThat(failing(agent)).as("two failures in ten minutes").isEmpty();

            push(agent, 710, 43);
            assertThat(failing(agent)).singleElement().satisfies(alert -> {
                assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
                assertThat(alert.summary()).isEqualTo("3 task executions failed in the last 10m");
            });

            push(agent, 1_000, 43);
            push(agent, 1_280, 43);
            assertThat(failing(agent))
                    .as("the last sample before the failures (690 s) is still in the window")
                    .extracting(Alert::status)
                    .containsExactly(AlertStatus.FIRING);

            push(agent, 1_300, 43);
            assertThat(failing(agent))
                    .as("ten minutes after the last failure, give or take a sub-window")
                    .isEmpty();
            assertThat(agent.alertHistory())
                    .filteredOn(alert -> alert.ruleName().equals("tasks_failing"))
                    .extracting(Alert::status, Alert::timestamp)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(AlertStatus.RESOLVED, T0.plusSeconds(1_300)),
                            org.assertj.core.groups.Tuple.tuple(AlertStatus.FIRING, T0.plusSeconds(710)));
        }
    }

    /** Pushes the scheduler's counts at {@code seconds} and waits until an evaluation pass has read them. */
    private void push(MonitoringAgent agent, int seconds, int failed) throws Exception {
        clock.set(T0.plusSeconds(seconds));
        double before = evaluations(agent);
        String body = "{\"running\": true, \"task_executions\": {\"completed\": " + (100 + seconds) + ", \"failed\": "
                + failed + "}}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/api/v1/components/scheduler"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.latestSnapshot()
                                .map(snapshot -> snapshot.timestamp().equals(clock.instant()))
                                .orElse(false)
                        && evaluations(agent) > before);
    }

    private static List<Alert> failing(MonitoringAgent agent) {
        return agent.activeAlerts().stream()
                .filter(alert -> alert.ruleName().equals("tasks_failing"))
                .toList();
    }

    private static double evaluations(MonitoringAgent agent) {
        Matcher matcher = EVALUATIONS.matcher(agent.exportPrometheusFormat());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
