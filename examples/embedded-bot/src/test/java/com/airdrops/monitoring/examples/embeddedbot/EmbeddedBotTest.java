package com.airdrops.monitoring.examples.embeddedbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.component.RiskLevel;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example bot runs with its agent in one JVM and reacts to its own alert, with no HTTP call. */
class EmbeddedBotTest {
    @TempDir
    Path dir;

    @Test
    void theBotTripsItsCircuitBreakerWhenItsAgentSaysTheRiskIsCritical() throws Exception {
        Files.writeString(dir.resolve("empty.yaml"), "");
        Map<String, String> settings = Map.of(
                "METRICS_HTTP_HOST", "127.0.0.1",
                "METRICS_HTTP_PORT", "0",
                "MONITORING_HOME", dir.toString(),
                "MONITORING_INSTANCE", "embedded-bot-test",
                "COMPONENTS_FILE", dir.resolve("empty.yaml").toString(),
                "NOTIFICATIONS_FILE", dir.resolve("empty.yaml").toString(),
                "METRICS_COLLECTION_INTERVAL", "0.2",
                "METRICS_AGGREGATION_WINDOW_SECONDS", "1",
                "ALERT_EVALUATION_INTERVAL", "0.2");
        try (EmbeddedBot bot = new EmbeddedBot(settings)) {
            assertThat(bot.agent().rules()).extracting(rule -> rule.name()).contains("risk_level_critical");
            assertThat(bot.circuitBreakerActive()).isFalse();

            bot.riskLevel(RiskLevel.CRITICAL);

            await().atMost(Duration.ofSeconds(15)).until(bot::circuitBreakerActive);
            assertThat(bot.running()).as("the scheduler paused").isFalse();
            assertThat(bot.agent().activeAlerts()).extracting(Alert::ruleName).contains("risk_level_critical");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !bot.agent().aggregates("risk_level").isEmpty());
            assertThat(bot.agent().aggregates("risk_level"))
                    .extracting(AggregatedMetric::metricName)
                    .contains("risk_level_max");
        }
    }
}
