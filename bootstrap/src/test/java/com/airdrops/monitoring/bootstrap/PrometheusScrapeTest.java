package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus server scrapes the real agent and reports the target up. */
class PrometheusScrapeTest {
    @Test
    void prometheusScrapesTheAgentWithUpEqualToOne(@TempDir Path dir) throws Exception {
        try (MonitoringAgent agent = MonitoringAgent.start(
                AgentConfiguration.load(TestEnvironment.agent(dir, "METRICS_COLLECTION_INTERVAL", "1")))) {
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
            try (RealPrometheus prometheus = RealPrometheus.start(dir, config)) {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .until(() -> prometheus
                                .query("up{job=\"airdrops\"}")
                                .toString()
                                .contains("\"1\"]"));
                assertThat(prometheus
                                .query("system_cpu_usage_percent{job=\"airdrops\"}")
                                .toString())
                        .contains("\"status\":\"success\"", "system_cpu_usage_percent");
            }
        }
    }
}
