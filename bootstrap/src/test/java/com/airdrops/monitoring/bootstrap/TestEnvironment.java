package com.airdrops.monitoring.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of an agent under test: loopback, a free port, its own H2 file in {@code dir}, empty rule,
 * component and notification files there (so the built-in rules stay out of the way), and {@code extra}.
 */
final class TestEnvironment {
    /** The instance of every agent under test unless a test names another: its alerts carry it as a label. */
    static final String INSTANCE = "test-agent";

    private TestEnvironment() {}

    static Map<String, String> agent(Path dir, String... keysAndValues) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "METRICS_HTTP_HOST",
                "127.0.0.1",
                "METRICS_HTTP_PORT",
                "0",
                "MONITORING_DB_URL",
                "jdbc:h2:file:" + dir.resolve("db/monitoring"),
                "ALERT_RULES_FILE",
                dir.resolve("no-rules.yaml").toString(),
                "COMPONENTS_FILE",
                dir.resolve("no-components.yaml").toString(),
                "NOTIFICATIONS_FILE",
                dir.resolve("no-notifications.yaml").toString(),
                "MONITORING_INSTANCE",
                INSTANCE));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        for (String name : List.of("no-rules.yaml", "no-components.yaml", "no-notifications.yaml")) {
            try {
                Files.createDirectories(dir);
                if (!Files.exists(dir.resolve(name))) {
                    Files.writeString(dir.resolve(name), "");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return environment;
    }
}
