package com.airdrops.monitoring.examples.gasprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.bootstrap.AgentProcess;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the plugin mechanism with the real agent jar: the gas_price component appears on /metrics when the plugin is
 * on the classpath or in plugins/, and is absent (or refused in components.yaml) without it. No core file names it.
 */
class GasPricePluginTest {
    private static final Path AGENT_JAR = Path.of("../../bootstrap/target/airdrops-monitoring.jar")
            .toAbsolutePath()
            .normalize();
    private static final Path PLUGIN_CLASSES = Path.of("target/classes").toAbsolutePath();
    private static final String GAUGE = "gas_price_gwei{component=\"gas\"} 20.0";

    @TempDir
    Path dir;

    private HttpServer rpc;
    private Path componentsFile;

    @BeforeEach
    void startJsonRpcServer() throws IOException {
        rpc = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rpc.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // 20 gwei = 20,000,000,000 wei = 0x4a817c800
            byte[] answer = (request.contains("eth_gasPrice")
                            ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x4a817c800\"}"
                            : "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        rpc.start();
        componentsFile = Files.writeString(
                dir.resolve("components.yaml"), """
                components:
                  - name: gas
                    type: gas_price
                    config: { rpc_url: "http://127.0.0.1:%d/" }
                """.formatted(rpc.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        rpc.stop(0);
    }

    @Test
    void withThePluginOnTheClasspathTheComponentAppearsOnMetrics() throws Exception {
        try (AgentProcess agent = AgentProcess.start(
                List.of(
                        "-cp",
                        AGENT_JAR + java.io.File.pathSeparator + PLUGIN_CLASSES,
                        "com.airdrops.monitoring.bootstrap.Main"),
                environment(Map.of("COMPONENTS_FILE", componentsFile.toString())))) {
            agent.awaitPort();
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.metrics().contains(GAUGE));
            assertThat(agent.metrics()).contains("component_status{component=\"gas\"} 1.0");
        }
    }

    @Test
    void withThePluginJarInThePluginsFolderTheComponentAppearsOnMetrics() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        jar(PLUGIN_CLASSES, plugins.resolve("gas-price-plugin.jar"));
        try (AgentProcess agent = AgentProcess.start(
                List.of("-jar", AGENT_JAR.toString()),
                environment(Map.of(
                        "COMPONENTS_FILE", componentsFile.toString(), "MONITORING_PLUGINS_DIR", plugins.toString())))) {
            agent.awaitPort();
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.metrics().contains(GAUGE));
        }
    }

    @Test
    void withoutThePluginTheComponentIsAbsent() throws Exception {
        Files.writeString(dir.resolve("none.yaml"), "components: []\n");
        try (AgentProcess agent = AgentProcess.start(
                List.of("-jar", AGENT_JAR.toString()),
                environment(Map.of("COMPONENTS_FILE", dir.resolve("none.yaml").toString())))) {
            agent.awaitPort();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> agent.metrics().contains("monitoring_collections_total"));
            assertThat(agent.metrics()).doesNotContain("gas_price");
        }
    }

    @Test
    void withoutThePluginAComponentOfItsTypeIsAConfigurationError() throws Exception {
        try (AgentProcess agent = AgentProcess.start(
                List.of("-jar", AGENT_JAR.toString()),
                environment(Map.of("COMPONENTS_FILE", componentsFile.toString())))) {
            assertThat(agent.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", agent.output())).contains("components[0].type: unknown type 'gas_price'");
        }
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "METRICS_HTTP_HOST",
                "127.0.0.1",
                "METRICS_HTTP_PORT",
                "0",
                "METRICS_COLLECTION_INTERVAL",
                "0.2",
                "MONITORING_DB_URL",
                "jdbc:h2:file:" + dir.resolve("db/monitoring")));
        environment.putAll(extra);
        return environment;
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
