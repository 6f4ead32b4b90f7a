package com.airdrops.monitoring.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario most end-to-end tests share: a risk manager polled at a status URL, a rule that fires at once on a
 * critical risk level, and a webhook channel. It writes the three files and returns the agent's environment.
 */
final class RiskScenario {
    private RiskScenario() {}

    /** The environment of an agent in {@code dir} watching {@code statusUrl}, plus {@code extra} key/value pairs. */
    static Map<String, String> environment(Path dir, String statusUrl, String webhookUrl, String... extra)
            throws IOException {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: risk_manager, type: risk_manager, source: poll, url: "%s" }
                """.formatted(statusUrl));
        Files.writeString(dir.resolve("alert_rules.yaml"), """
                rules:
                  - { name: risk_level_critical, metric_name: risk_level, condition: gte, threshold: 3,
                      severity: critical, description: Risk is critical, for_duration: 0 }
                """);
        Files.writeString(dir.resolve("notifications.yaml"), webhookUrl == null ? "" : """
                channels:
                  - { name: hook, type: webhook, config: { url: "%s" } }
                policy:
                  rate_limit_per_minute: 10000
                  retry: { max_attempts: 100, initial_backoff_seconds: 0.1, max_backoff_seconds: 1, timeout_seconds: 2 }
                """.formatted(webhookUrl));
        List<String> pairs = new ArrayList<>(List.of(
                "COMPONENTS_FILE", dir.resolve("components.yaml").toString(),
                "ALERT_RULES_FILE", dir.resolve("alert_rules.yaml").toString(),
                "NOTIFICATIONS_FILE", dir.resolve("notifications.yaml").toString(),
                "METRICS_COLLECTION_INTERVAL", "0.2",
                "ALERT_EVALUATION_INTERVAL", "0.2"));
        pairs.addAll(List.of(extra));
        return TestEnvironment.agent(dir, pairs.toArray(String[]::new));
    }

    /** The value of one series in a /metrics body, 0 while it is absent. */
    static double value(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
