package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The errors Jetty answers itself, before Javalin routes anything, are the documented JSON body too. */
class JavalinHttpServerJettyErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BIG = "a".repeat(20_000);

    private final CapturedLogs logs = new CapturedLogs();
    private final StubbedServer server = new StubbedServer();

    @AfterEach
    void stop() {
        server.close();
        logs.close();
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of(
                        "request headers too large",
                        "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + BIG + "\r\n\r\n",
                        431,
                        "/metrics",
                        "Request Header Fields Too Large"),
                Arguments.of(
                        // Jetty's HTML page has no body at all for methods other than GET, POST and HEAD.
                        "request headers too large on a DELETE",
                        "DELETE /api/v1/rules HTTP/1.1\r\nHost: x\r\nX-Big: " + BIG + "\r\n\r\n",
                        431,
                        "/api/v1/rules",
                        "Request Header Fields Too Large"),
                Arguments.of("URI too long", "GET /" + BIG + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, null, "URI Too Long"),
                Arguments.of(
                        "bad percent-encoding",
                        "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                        400,
                        null,
                        "Bad Request"),
                Arguments.of(
                        "unknown HTTP version",
                        "GET /metrics HTTP/9.9\r\nHost: x\r\n\r\n",
                        505,
                        null,
                        "HTTP Version Not Supported"),
                Arguments.of("no request line", "HELLO\r\n\r\n", 400, null, "No URI"),
                Arguments.of(
                        "illegal character in the method",
                        "G@T /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
                        400,
                        null,
                        "Illegal character"),
                Arguments.of(
                        "a Content-Length that is not a number",
                        "POST /api/v1/reload HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n",
                        400,
                        "/api/v1/reload",
                        "Invalid Content-Length Value"),
                Arguments.of(
                        "both Transfer-Encoding and Content-Length",
                        "POST /api/v1/reload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                + "Content-Length: 5\r\n\r\n",
                        400,
                        "/api/v1/reload",
                        "Transfer-Encoding and Content-Length"),
                Arguments.of("no Host header", "GET /metrics HTTP/1.1\r\n\r\n", 400, "/metrics", "No Host"),
                Arguments.of(
                        // Refused inside the servlet layer, after the request line and headers were read.
                        "a WebSocket upgrade",
                        "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
                        404,
                        "/metrics",
                        "WebSocket handler not found"),
                Arguments.of("an HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 426, "*", "Upgrade Required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void jettysOwnErrorIsTheJsonBody(String description, String request, int status, String path, String error)
            throws Exception {
        RawHttp.Response response = RawHttp.exchange(server.port(), request, Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).contains(error);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("path")).isTrue();
        if (path == null) {
            // The request line could not be read: Jetty's placeholder path would only mislead.
            assertThat(body.get("path").isNull()).isTrue();
        } else {
            assertThat(body.get("path").asText()).isEqualTo(path);
        }
        assertThat(logs.withStackTraces()).isEmpty();
    }
}
