package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.config.ReadTokenScope;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MONITORING_API_READ_TOKEN: the read endpoints need a bearer token; /metrics and health only when told so. */
class JavalinHttpServerReadTokenTest {
    private static final String READ = "read-token";
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void withAReadTokenTheApiNeedsItOrTheApiTokenWhileScrapesAndProbesStayOpen() throws Exception {
        try (StubbedServer server = new StubbedServer(settings(ReadTokenScope.API))) {
            assertThat(get(server, "/api/v1/alerts", null).statusCode()).isEqualTo(401);
            assertThat(get(server, "/api/v1/alerts", null).body()).contains("MONITORING_API_READ_TOKEN");
            assertThat(get(server, "/api/v1/alerts/history", "wrong").statusCode())
                    .isEqualTo(401);
            assertThat(get(server, "/api/v1/alerts", READ).statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/v1/channels", StubbedServer.TOKEN).statusCode())
                    .isEqualTo(200);
            assertThat(get(server, "/api/v1/alerts/quarantine", READ).body()).isEqualTo("[]");
            assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(200);
            assertThat(get(server, "/health/live", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void scopeAllProtectsScrapesAndProbesToo() throws Exception {
        try (StubbedServer server = new StubbedServer(settings(ReadTokenScope.ALL))) {
            assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get(server, "/health/ready", null).statusCode()).isEqualTo(401);
            assertThat(get(server, "/metrics", READ).statusCode()).isEqualTo(200);
            assertThat(get(server, "/metrics/", null).statusCode())
                    .as("a trailing slash is the same path")
                    .isEqualTo(401);
            assertThat(get(server, "/health/ready/", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theSchemeNameIsCaseInsensitive() throws Exception {
        try (StubbedServer server = new StubbedServer(settings(ReadTokenScope.API))) {
            HttpResponse<String> lower = client.send(
                    HttpRequest.newBuilder(server.uri("/api/v1/alerts"))
                            .header("Authorization", "bearer " + READ)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(lower.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPushWithTextAfterTheObjectOrADuplicateKeyIsRefused() throws Exception {
        try (StubbedServer server = new StubbedServer()) {
            for (String body :
                    new String[] {"{\"metrics\":{\"qd\":1}} garbage", "{\"risk_level\":1,\"risk_level\":3}"}) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(server.uri(StubbedServer.PUSH_PATH))
                                .header("Authorization", "Bearer " + StubbedServer.TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(body).isEqualTo(400);
            }
            assertThat(server.pushes).isEmpty();
        }
    }

    @Test
    void withoutAReadTokenReadsStayOpen() throws Exception {
        try (StubbedServer server = new StubbedServer()) {
            assertThat(get(server, "/api/v1/alerts", null).statusCode()).isEqualTo(200);
        }
    }

    private static HttpServerSettings settings(ReadTokenScope scope) {
        return new HttpServerSettings(
                "127.0.0.1",
                0,
                HttpServerSettings.DEFAULT_MAX_REQUEST_BYTES,
                Optional.of(StubbedServer.TOKEN),
                HttpServerSettings.DEFAULT_REQUEST_BODY_TIMEOUT,
                Optional.of(READ),
                scope);
    }

    private HttpResponse<String> get(StubbedServer server, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
