package com.airdrops.monitoring.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Condition-to-webhook latency of the real agent with its default intervals (collection 30 s, evaluation 60 s): in
 * each round one component pushes a value over its threshold while a polled component starts answering one, at the
 * same instant; the time until the webhook receives each firing notification is recorded. The polled component is the
 * reference: it is what every component's latency was before a push was judged at once.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar com.airdrops.monitoring.benchmarks.DetectionLatency [rounds]
 * </pre>
 */
public final class DetectionLatency {
    private static final String TOKEN = "latency-token";

    private DetectionLatency() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path home = Files.createTempDirectory("detection-latency");
        Map<String, Long> firedAt = new ConcurrentHashMap<>();
        HttpServer servers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String[] polledDepth = {"0"};
        servers.createContext("/status", exchange -> {
            byte[] body = ("{\"metrics\": {\"queue_depth\": " + polledDepth[0] + "}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        servers.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            if (body.contains("\"status\":\"firing\"")) {
                for (String component : List.of("pushed", "polled")) {
                    if (body.contains("\"component\":\"" + component + "\"")) {
                        firedAt.putIfAbsent(component, now);
                    }
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        servers.start();
        String base = "http://127.0.0.1:" + servers.getAddress().getPort();
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/components.yaml"), """
                components:
                  - { name: pushed, type: generic, source: push, stale_after_seconds: 3600 }
                  - { name: polled, type: generic, source: poll, url: "%s/status" }
                """.formatted(base));
        Files.writeString(home.resolve("config/alert_rules.yaml"), """
                rules:
                  - { name: queue_deep, metric_name: queue_depth, condition: gt, threshold: 100, severity: high,
                      description: Queue too deep, for_duration: 0 }
                """);
        Files.writeString(home.resolve("config/notifications.yaml"), """
                channels:
                  - { name: hook, type: webhook, config: { url: "%s/hook" } }
                policy: { repeat_interval_seconds: 86400 }
                """.formatted(base));
        int port = freePort();
        ProcessBuilder agentProcess = new ProcessBuilder(
                        Path.of("bin/airdrops-monitoring").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("agent.log").toFile());
        agentProcess
                .environment()
                .putAll(Map.of(
                        "MONITORING_HOME",
                        home.toString(),
                        "METRICS_HTTP_HOST",
                        "127.0.0.1",
                        "METRICS_HTTP_PORT",
                        String.valueOf(port),
                        "MONITORING_API_TOKEN",
                        TOKEN));
        Process agent = agentProcess.start();
        HttpClient client = HttpClient.newHttpClient();
        String agentUrl = "http://127.0.0.1:" + port;
        List<double[]> results = new ArrayList<>();
        try {
            awaitReady(client, agentUrl);
            push(client, agentUrl, 0);
            for (int round = 1; round <= rounds; round++) {
                firedAt.clear();
                long start = System.nanoTime();
                polledDepth[0] = "500";
                push(client, agentUrl, 500);
                long deadline = start + TimeUnit.SECONDS.toNanos(180);
                while (firedAt.size() < 2 && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(5); // polling the receiver, not waiting for time
                }
                double pushed = seconds(firedAt.get("pushed"), start);
                double polled = seconds(firedAt.get("polled"), start);
                results.add(new double[] {pushed, polled});
                System.out.printf(Locale.ROOT, "round %d: pushed %.3f s, polled %.3f s%n", round, pushed, polled);
                // Back to normal and let both resolve before the next round.
                polledDepth[0] = "0";
                push(client, agentUrl, 0);
                awaitNoActiveAlert(client, agentUrl);
            }
        } finally {
            agent.destroy();
            agent.waitFor(30, TimeUnit.SECONDS);
            servers.stop(0);
        }
        System.out.printf(
                Locale.ROOT,
                "pushed: min %.3f s, max %.3f s; polled (reference): min %.3f s, max %.3f s%n",
                results.stream().mapToDouble(r -> r[0]).min().orElse(Double.NaN),
                results.stream().mapToDouble(r -> r[0]).max().orElse(Double.NaN),
                results.stream().mapToDouble(r -> r[1]).min().orElse(Double.NaN),
                results.stream().mapToDouble(r -> r[1]).max().orElse(Double.NaN));
    }

    private static double seconds(Long at, long start) {
        return at == null ? Double.NaN : (at - start) / 1e9;
    }

    private static void push(HttpClient client, String agentUrl, int depth) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(agentUrl + "/api/v1/components/pushed"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"metrics\": {\"queue_depth\": " + depth + "}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("push refused: " + response.body());
        }
    }

    private static void awaitReady(HttpClient client, String agentUrl) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (client.send(
                                        HttpRequest.newBuilder(URI.create(agentUrl + "/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the agent did not become ready");
    }

    private static void awaitNoActiveAlert(HttpClient client, String agentUrl) throws Exception {
        Duration limit = Duration.ofSeconds(180);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String alerts = client.send(
                            HttpRequest.newBuilder(URI.create(agentUrl + "/api/v1/alerts"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (alerts.equals("[]")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("alerts did not resolve within " + limit);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
