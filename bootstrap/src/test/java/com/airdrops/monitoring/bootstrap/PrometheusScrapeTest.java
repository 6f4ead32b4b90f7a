package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus server scrapes the real agent and reports the target up. */
class PrometheusScrapeTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void prometheusScrapesTheAgentWithUpEqualToOne(@TempDir Path dir) throws Exception {
        try (MonitoringAgent agent = MonitoringAgent.start(
                AgentConfiguration.load(TestEnvironment.agent(dir, "METRICS_COLLECTION_INTERVAL", "1")))) {
            int prometheusPort = freePort();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                    scrape_configs:
                      - job_name: airdrops
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(agent.port()));
            Process prometheus = new ProcessBuilder(
                            ExternalTool.require("prometheus").toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + dir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile())
                    .start();
            try {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .until(() ->
                                query(prometheusPort, "up{job=\"airdrops\"}").contains("\"1\"]"));
                assertThat(query(prometheusPort, "system_cpu_usage_percent{job=\"airdrops\"}"))
                        .contains("\"status\":\"success\"", "system_cpu_usage_percent");
            } finally {
                prometheus.destroy();
                prometheus.waitFor();
            }
        }
    }

    private String query(int port, String promql) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
