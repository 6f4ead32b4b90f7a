package com.airdrops.monitoring.adapters.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP server that records every request and answers with the scripted statuses (then 200). Shared via test-jar. */
public final class RecordingReceiver implements AutoCloseable {
    /** One recorded request. */
    public record Request(String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<int[]> script = new ConcurrentLinkedDeque<>();
    private final HttpServer server;

    public RecordingReceiver() throws IOException {
        this(0);
    }

    /** On a given port (0: any free one), e.g. to come up where an agent already points. */
    public RecordingReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            int[] next = script.pollFirst();
            int status = next == null ? 200 : next[0];
            if (next != null && next.length > 1) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(next[1]));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The next answers: a status, or a status with a Retry-After in seconds. */
    public void answer(int... statusAndRetryAfter) {
        script.addLast(statusAndRetryAfter);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
