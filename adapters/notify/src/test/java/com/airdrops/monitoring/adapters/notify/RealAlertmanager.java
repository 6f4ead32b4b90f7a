package com.airdrops.monitoring.adapters.notify;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Debian's prometheus-alertmanager as a real peer, on a free loopback port, without clustering. Shared via test-jar. */
public final class RealAlertmanager implements AutoCloseable {
    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private RealAlertmanager(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RealAlertmanager start(Path dir) throws IOException {
        Path config = Files.writeString(
                dir.resolve("alertmanager.yml"), "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
        return launch(dir, config, List.of("--cluster.listen-address="));
    }

    /** Starts Alertmanager on a free loopback port with {@code config} and {@code clusterArguments}; waits for its API. */
    private static RealAlertmanager launch(Path dir, Path config, List<String> clusterArguments) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                binary(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("am-data"),
                "--web.listen-address=127.0.0.1:" + port));
        command.addAll(clusterArguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        RealAlertmanager alertmanager = new RealAlertmanager(process, port);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> alertmanager.alerts(false) != null);
        return alertmanager;
    }

    /**
     * One member of an Alertmanager cluster on loopback: it gossips with the members at {@code peerClusterPorts},
     * routes every alert to one webhook at {@code webhookUrl}, grouped by alertname, and waits {@code groupWait} for
     * a group to fill. Members wait 2 s (the peer timeout) per position before sending what a peer may have sent.
     */
    public static RealAlertmanager startClusterMember(
            Path dir, int clusterPort, List<Integer> peerClusterPorts, String webhookUrl, Duration groupWait)
            throws IOException {
        Files.createDirectories(dir);
        Path config =
                Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: hook
                  group_by: [alertname]
                  group_wait: %ds
                  group_interval: 5m
                  repeat_interval: 4h
                receivers:
                  - name: hook
                    webhook_configs:
                      - { url: "%s", send_resolved: false }
                """.formatted(groupWait.toSeconds(), webhookUrl));
        List<String> cluster = new ArrayList<>(List.of(
                "--cluster.listen-address=127.0.0.1:" + clusterPort,
                "--cluster.advertise-address=127.0.0.1:" + clusterPort,
                "--cluster.peer-timeout=2s",
                "--cluster.gossip-interval=100ms",
                "--cluster.pushpull-interval=1s"));
        for (int peer : peerClusterPorts) {
            cluster.add("--cluster.peer=127.0.0.1:" + peer);
        }
        return launch(dir, config, cluster);
    }

    /** The members this one sees in its cluster, itself included. */
    public int clusterSize() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url() + "/api/v2/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        return AlertmanagerFormat.JSON
                .readTree(response.body())
                .path("cluster")
                .path("peers")
                .size();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Alerts Alertmanager holds; {@code activeOnly} leaves out resolved ones. */
    public JsonNode alerts(boolean activeOnly) throws IOException, InterruptedException {
        URI uri = URI.create(
                url() + "/api/v2/alerts" + (activeOnly ? "?active=true&silenced=false&inhibited=false" : ""));
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Alertmanager answered " + response.statusCode());
        }
        return AlertmanagerFormat.JSON.readTree(response.body());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static String binary() {
        for (String name : List.of("prometheus-alertmanager", "alertmanager")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new IllegalStateException(
                "Alertmanager is not installed: apt-get install prometheus-alertmanager " + "(./test.sh does this)");
    }
}
