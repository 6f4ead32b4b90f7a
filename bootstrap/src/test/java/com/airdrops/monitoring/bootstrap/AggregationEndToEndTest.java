package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #4's "done when": 2 s windows over 0.5 s collections, queried over HTTP from the real agent. */
class AggregationEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void everyClosedWindowHasAvgMaxMinP95AndACountOfFourAndSurvivesARestart(@TempDir Path dir) throws Exception {
        Map<String, String> environment = TestEnvironment.agent(
                dir,
                "METRICS_AGGREGATION_WINDOW_SECONDS",
                "2",
                "METRICS_COLLECTION_INTERVAL",
                "0.5",
                "METRICS_AGGREGATION_FUNCTIONS",
                "avg,max,min,p95,count");
        Map<Double, Map<String, Double>> before;
        try (MonitoringAgent agent = MonitoringAgent.start(AgentConfiguration.load(environment))) {
            // The first window is partial (the agent started inside it); wait for two full ones after it.
            await().atMost(Duration.ofSeconds(20)).until(() -> windows(agent).size() >= 3);

            Map<Double, Map<String, Double>> windows = windows(agent);
            windows.remove(windows.keySet().iterator().next());
            assertThat(windows).isNotEmpty();
            windows.forEach((end, values) -> {
                assertThat(values)
                        .as("window ending %s", end)
                        .containsOnlyKeys(
                                "system_cpu_usage_percent_avg",
                                "system_cpu_usage_percent_max",
                                "system_cpu_usage_percent_min",
                                "system_cpu_usage_percent_p95",
                                "system_cpu_usage_percent_count");
                double min = values.get("system_cpu_usage_percent_min");
                double max = values.get("system_cpu_usage_percent_max");
                assertThat(values.get("system_cpu_usage_percent_avg")).isBetween(min, max);
                assertThat(values.get("system_cpu_usage_percent_p95")).isBetween(min, max);
                assertThat(values.get("system_cpu_usage_percent_count")).isEqualTo(4.0);
                assertThat(end % 2).as("window end is a multiple of 2 s").isZero();
            });
            before = windows(agent);
        }
        try (MonitoringAgent restarted = MonitoringAgent.start(AgentConfiguration.load(environment))) {
            assertThat(windows(restarted))
                    .as("aggregates stored before the restart")
                    .containsAllEntriesOf(before);
        }
    }

    /** window end (epoch seconds) -> aggregate name -> value. */
    private Map<Double, Map<String, Double>> windows(MonitoringAgent agent) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + agent.port() + "/api/v1/aggregates?name=system_cpu"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Map<Double, Map<String, Double>> windows = new TreeMap<>();
        for (JsonNode aggregate : JSON.readTree(response.body())) {
            windows.computeIfAbsent(aggregate.get("timestamp").asDouble(), end -> new TreeMap<>())
                    .put(
                            aggregate.get("metric_name").asText(),
                            aggregate.get("value").asDouble());
        }
        return windows;
    }
}
