package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A known path with the wrong method is a 405 whose Allow header lists the methods the path takes. */
class JavalinHttpServerMethodNotAllowedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubbedServer server = new StubbedServer();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DELETE  | /metrics                          | GET, HEAD",
                "POST    | /health/live                      | GET, HEAD",
                "PUT     | /api/v1/alerts                    | GET, HEAD",
                "OPTIONS | /api/v1/rules                     | GET, HEAD",
                "GET     | /api/v1/reload                    | POST",
                "GET     | /api/v1/components/risk_manager   | POST",
                "PATCH   | /api/v1/notifications/7/replay    | POST"
            })
    void aKnownPathWithTheWrongMethodIsA405ListingTheAllowedOnes(String method, String path, String allowed)
            throws Exception {
        HttpResponse<String> response = send(method, path);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains(allowed);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText())
                .isEqualTo("method " + method + " is not allowed on " + path + "; allowed: " + allowed);
        assertThat(error.get("status").asInt()).isEqualTo(405);
        assertThat(error.get("path").asText()).isEqualTo(path);
    }

    @Test
    void anUnknownPathIsStillA404() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/v1/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Allow")).isEmpty();
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("no such endpoint");
    }

    @Test
    void headIsServedWhereGetIs() throws Exception {
        assertThat(send("HEAD", "/metrics").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(server.uri(path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
