package com.airdrops.monitoring.examples.gasprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.bootstrap.AgentProcess;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's chat channel type works from a jar on the classpath, with no core change, and is unknown without it. */
class ChatChannelPluginTest {
    private static final Path AGENT_JAR = Path.of("../../bootstrap/target/airdrops-monitoring.jar")
            .toAbsolutePath()
            .normalize();
    private static final Path PLUGIN_CLASSES = Path.of("target/classes").toAbsolutePath();

    @TempDir
    Path dir;

    private HttpServer chatApi;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        chatApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chatApi.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chatApi.start();
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - { name: agent_collecting, metric_name: monitoring_collections_total, condition: gte, threshold: 1,
                      severity: low, description: The agent collects, for_duration: 0 }
                """);
        Path notifications = Files.writeString(dir.resolve("notifications.yaml"), """
                channels:
                  - { name: team-chat, type: chat, config: { api_url: "http://127.0.0.1:%d", token: "${CHAT_TOKEN}", chat_id: "-100" } }
                """.formatted(
                        chatApi.getAddress().getPort()));
        environment = new HashMap<>(Map.of(
                "METRICS_HTTP_HOST",
                "127.0.0.1",
                "METRICS_HTTP_PORT",
                "0",
                "METRICS_COLLECTION_INTERVAL",
                "0.3",
                "ALERT_EVALUATION_INTERVAL",
                "0.3",
                "MONITORING_DB_URL",
                "jdbc:h2:file:" + dir.resolve("db/monitoring"),
                "ALERT_RULES_FILE",
                rules.toString(),
                "NOTIFICATIONS_FILE",
                notifications.toString(),
                "CHAT_TOKEN",
                "123:bot-token",
                "COMPONENTS_FILE",
                Files.writeString(dir.resolve("none.yaml"), "components: []\n").toString()));
    }

    @AfterEach
    void stop() {
        chatApi.stop(0);
    }

    @Test
    void withThePluginTheChatChannelReceivesTheAlert() throws Exception {
        try (AgentProcess agent = AgentProcess.start(
                List.of(
                        "-cp",
                        AGENT_JAR + java.io.File.pathSeparator + PLUGIN_CLASSES,
                        "com.airdrops.monitoring.bootstrap.Main"),
                environment)) {
            agent.awaitPort();
            await().atMost(Duration.ofSeconds(20)).until(() -> !requests.isEmpty());
            assertThat(requests.getFirst())
                    .startsWith("/bot123:bot-token/sendMessage ")
                    .contains("\"chat_id\":\"-100\"", "FIRING", "agent_collecting");
            assertThat(agent.get("/api/v1/channels"))
                    .contains("\"token\":\"***\"")
                    .doesNotContain("bot-token");
        }
    }

    @Test
    void withoutThePluginTheChatTypeIsAConfigurationError() throws Exception {
        try (AgentProcess agent = AgentProcess.start(List.of("-jar", AGENT_JAR.toString()), environment)) {
            assertThat(agent.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", agent.output())).contains("channels[0].type: unknown channel type 'chat'");
        }
    }
}
