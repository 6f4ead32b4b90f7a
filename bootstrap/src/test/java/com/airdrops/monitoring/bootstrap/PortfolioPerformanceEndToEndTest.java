package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CapitalAllocator pushes its portfolio history and the agent's process exposes the performance gauges with the
 * values worked out by hand in PortfolioPerformanceTest; a bad history is refused naming the point.
 */
class PortfolioPerformanceEndToEndTest {
    private static final String TOKEN = "portfolio-token";
    /** Days 0 to 4 from 2026-11-20T00:00:00Z: 1000, 1100, 990, 1089, 1200. */
    private static final String HISTORY = """
            {"capital_utilization_percent": 70, "portfolio_history": [
              {"timestamp": 1795132800, "value": 1000}, {"timestamp": 1795219200, "value": 1100},
              {"timestamp": 1795305600, "value": 990}, {"timestamp": 1795392000, "value": 1089},
              {"timestamp": 1795478400, "value": 1200}]}""";

    @TempDir
    Path dir;

    @Test
    void aPushedHistoryGivesReturnsDrawdownsAndVolatility() throws Exception {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: allocator, type: capital_allocator, source: push, stale_after_seconds: 3600 }
                """);
        try (AgentProcess agent = AgentProcess.startFromClasspath(TestEnvironment.agent(
                dir,
                "COMPONENTS_FILE",
                dir.resolve("components.yaml").toString(),
                "MONITORING_API_TOKEN",
                TOKEN,
                "METRICS_COLLECTION_INTERVAL",
                "0.2"))) {
            agent.awaitPort();
            assertThat(agent.post("/api/v1/components/allocator", TOKEN, HISTORY))
                    .contains("accepted");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agent.metrics().contains("portfolio_volatility_percent "));
            String metrics = agent.metrics();
            // The bot roles' gauges carry no component label: each role is configured once.
            assertThat(RiskScenario.value(metrics, "portfolio_return_percent{window=\"24h\"}"))
                    .isCloseTo(10.192837, within(1e-5));
            assertThat(metrics).doesNotContain("window=\"7d\"");
            assertThat(RiskScenario.value(metrics, "portfolio_drawdown_percent"))
                    .isZero();
            assertThat(RiskScenario.value(metrics, "portfolio_max_drawdown_percent"))
                    .isCloseTo(10.0, within(1e-9));
            assertThat(RiskScenario.value(metrics, "portfolio_volatility_percent"))
                    .isCloseTo(10.03255, within(1e-4));

            String refused = agent.post(
                    "/api/v1/components/allocator",
                    TOKEN,
                    "{\"portfolio_history\": [{\"timestamp\": 1795132800, \"value\": -5}]}");
            assertThat(refused).contains("portfolio_history[0].value", ">= 0");
        }
    }
}
