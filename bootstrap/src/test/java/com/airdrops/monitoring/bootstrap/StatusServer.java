package com.airdrops.monitoring.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** A bot component's status URL on loopback: GET /status answers the JSON the supplier gives at that moment. */
final class StatusServer implements AutoCloseable {
    private final HttpServer server;

    StatusServer(Supplier<String> json) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/status", exchange -> {
            byte[] body = json.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** A risk manager whose {@code risk_level} is whatever {@code level} gives at each request. */
    static StatusServer riskLevel(Supplier<String> level) throws IOException {
        return new StatusServer(() -> "{\"risk_level\": \"" + level.get() + "\"}");
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/status";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
