package com.airdrops.monitoring.adapters.http;

import static com.airdrops.monitoring.adapters.http.StubbedServer.PUSH_PATH;
import static com.airdrops.monitoring.adapters.http.StubbedServer.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of senders that send their headers, then one byte of body a second, must not starve the server: more
 * of them than Jetty has threads (250), each cut off once the body deadline passes.
 */
class JavalinHttpServerSlowSendersTest {
    private static final int SLOW_SENDERS = 400;
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(2);
    /** How late after the deadline a slow request may still be open: scheduling on a busy two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final CapturedLogs logs = new CapturedLogs();
    private final StubbedServer server = new StubbedServer(new HttpServerSettings(
            "127.0.0.1", 0, HttpServerSettings.DEFAULT_MAX_REQUEST_BYTES, Optional.of(TOKEN), BODY_DEADLINE));
    private final HttpClient client = HttpClient.newHttpClient();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        threads.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
        server.close();
        logs.close();
    }

    @Test
    void slowSendersAreCutOffAndMetricsKeepsAnswering() throws Exception {
        List<Future<RawHttp.Response>> cutOffs = new ArrayList<>();
        for (int i = 0; i < SLOW_SENDERS; i++) {
            Socket socket = new Socket("127.0.0.1", server.port());
            sockets.add(socket);
            cutOffs.add(threads.submit(() -> sendSlowly(socket)));
        }

        // Scrape for as long as any of them is still sending, to the bound at the most.
        long giveUp = System.nanoTime() + BODY_DEADLINE.plus(SLACK).toNanos();
        Duration slowestScrape = Duration.ZERO;
        int scrapes = 0;
        while (System.nanoTime() < giveUp && !cutOffs.stream().allMatch(Future::isDone)) {
            long started = System.nanoTime();
            HttpResponse<String> metrics = client.send(
                    HttpRequest.newBuilder(server.uri("/metrics"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(metrics.statusCode()).isEqualTo(200);
            slowestScrape = took.compareTo(slowestScrape) > 0 ? took : slowestScrape;
            scrapes++;
            Thread.sleep(200);
        }

        List<Duration> cutOffTimes = new ArrayList<>();
        int answered408 = 0;
        for (Future<RawHttp.Response> cutOff : cutOffs) {
            RawHttp.Response response = cutOff.get(1, TimeUnit.SECONDS);
            assertThat(response.status()).isIn(408, -1);
            answered408 += response.status() == 408 ? 1 : 0;
            cutOffTimes.add(response.elapsed());
        }
        cutOffTimes.sort(null);
        System.out.printf(
                "%d slow senders (%d answered 408, the rest closed): /metrics answered %d scrapes, slowest in %d ms;"
                        + " slow requests cut off after %d ms (first), %d ms (median), %d ms (last)%n",
                SLOW_SENDERS,
                answered408,
                scrapes,
                slowestScrape.toMillis(),
                cutOffTimes.getFirst().toMillis(),
                cutOffTimes.get(cutOffTimes.size() / 2).toMillis(),
                cutOffTimes.getLast().toMillis());
        assertThat(scrapes).as("scrapes while the slow senders ran").isGreaterThanOrEqualTo(5);
        assertThat(slowestScrape).isLessThan(Duration.ofSeconds(2));
        assertThat(cutOffTimes.getFirst()).isGreaterThanOrEqualTo(BODY_DEADLINE);
        assertThat(cutOffTimes.getLast()).isLessThan(BODY_DEADLINE.plus(SLACK));
        assertThat(server.pushes).isEmpty();
        assertThat(logs.withStackTraces()).isEmpty();
    }

    /**
     * Sends the headers of a 1,000-byte push, then a byte a second on another thread; returns the answer (status -1:
     * the server closed the connection), timed from just before the headers, so never from after the server's clock
     * started.
     */
    private RawHttp.Response sendSlowly(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        long started = System.nanoTime();
        out.write(("POST " + PUSH_PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Future<?> trickle = threads.submit(() -> {
            try {
                while (true) {
                    Thread.sleep(1_000);
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                return null; // the server hung up, or the test is over
            }
        });
        socket.setSoTimeout((int) BODY_DEADLINE.plus(SLACK).plus(SLACK).toMillis());
        RawHttp.Response response = RawHttp.read(socket.getInputStream(), started);
        trickle.cancel(true);
        return response;
    }
}
