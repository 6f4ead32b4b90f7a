package com.airdrops.monitoring.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/** Debian's Prometheus server on a free loopback port, its data in {@code dir}, with {@code config}. */
final class RealPrometheus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private RealPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RealPrometheus start(Path dir, Path config) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        ExternalTool.require("prometheus").toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        return new RealPrometheus(process, port);
    }

    /** The answer of {@code /api/v1/query} for {@code promql} at the current time. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return query(promql, "");
    }

    /** The answer of {@code /api/v1/query} for {@code promql} at {@code at}. */
    JsonNode query(String promql, Instant at) throws IOException, InterruptedException {
        return query(promql, "&time=" + at.getEpochSecond());
    }

    private JsonNode query(String promql, String parameters) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8) + parameters);
        return JSON.readTree(client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
