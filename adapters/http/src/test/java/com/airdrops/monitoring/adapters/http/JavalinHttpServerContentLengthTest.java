package com.airdrops.monitoring.adapters.http;

import static com.airdrops.monitoring.adapters.http.StubbedServer.PUSH_PATH;
import static com.airdrops.monitoring.adapters.http.StubbedServer.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A body above the limit is a 413; a declared one at once: the server does not wait for a body it will refuse. */
class JavalinHttpServerContentLengthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapturedLogs logs = new CapturedLogs();
    private final StubbedServer server = new StubbedServer();

    @AfterEach
    void stop() {
        server.close();
        logs.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        PUSH_PATH + ", 1048577",
        PUSH_PATH + ", 5000000",
        // Above 2^31 the servlet's int content length is -1: the push used to wait 30 s for the body, then say 400.
        PUSH_PATH + ", 3000000000",
        PUSH_PATH + ", 9223372036854775807",
        "/api/v1/reload, 3000000000",
        "/api/v1/notifications/7/replay, 5000000"
    })
    void aDeclaredBodyAboveTheLimitIsA413WithoutWaitingForIt(String path, String contentLength) throws Exception {
        // Headers only: the body never comes.
        RawHttp.Response response = RawHttp.exchange(
                server.port(),
                "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n",
                Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.elapsed()).isLessThan(Duration.ofSeconds(2));
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("request body larger than 1048576 bytes");
        assertThat(error.get("status").asInt()).isEqualTo(413);
        assertThat(error.get("path").asText()).isEqualTo(path);
        assertThat(server.pushes).isEmpty();
        assertThat(logs.withStackTraces()).isEmpty();
    }

    @Test
    void aChunkedBodyIsCountedAsItArrives() throws Exception {
        HttpResponse<String> tooLarge = pushChunked("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("error").asText())
                .isEqualTo("request body larger than 1048576 bytes");
        assertThat(server.pushes).isEmpty();

        assertThat(pushChunked("{\"status\": \"healthy\"}").statusCode()).isEqualTo(202);
        assertThat(server.pushes).containsKey("risk_manager");
    }

    /** Without a known length the client sends the body chunked. */
    private HttpResponse<String> pushChunked(String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri(PUSH_PATH))
                                .header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
