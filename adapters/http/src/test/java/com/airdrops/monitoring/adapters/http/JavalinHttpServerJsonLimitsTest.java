package com.airdrops.monitoring.adapters.http;

import static com.airdrops.monitoring.adapters.http.StubbedServer.PUSH_PATH;
import static com.airdrops.monitoring.adapters.http.StubbedServer.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON bombs pushed with a valid token: a 400 naming the limit, nothing stored, no stack trace in the log. */
class JavalinHttpServerJsonLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapturedLogs logs = new CapturedLogs();
    private final StubbedServer server = new StubbedServer();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
        logs.close();
    }

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of(
                        "100,000 nested arrays",
                        "{\"metrics\": " + "[".repeat(100_000),
                        "Document nesting depth \\(65\\) exceeds the maximum allowed \\(64\\)"),
                Arguments.of(
                        "a 900,000-digit number",
                        "{\"portfolio_value_usd\": " + "9".repeat(900_000) + "}",
                        // Jackson buffers a number's digits as text: this long, the text length limit trips first.
                        "String value length \\(\\d+\\) exceeds the maximum allowed \\(65536\\)"),
                Arguments.of(
                        "a 1,000-digit number",
                        "{\"portfolio_value_usd\": " + "9".repeat(1_000) + "}",
                        "Number value length \\(1000\\) exceeds the maximum allowed \\(100\\)"),
                Arguments.of(
                        "a 100,000-character metric name",
                        "{\"metrics\": {\"" + "m".repeat(100_000) + "\": 1}}",
                        "Name length \\(\\d+\\) exceeds the maximum allowed \\(1024\\)"),
                Arguments.of(
                        "a 100,000-character string",
                        "{\"status\": \"" + "h".repeat(100_000) + "\"}",
                        "String value length \\(\\d+\\) exceeds the maximum allowed \\(65536\\)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aJsonBombIsA400NamingTheLimitAndLogsNoStackTrace(String description, String body, String limit)
            throws Exception {
        HttpResponse<String> response = push(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText())
                .startsWith("JSON body exceeds a limit: ")
                .containsPattern(limit)
                .doesNotContain("StreamReadConstraints")
                .endsWith("the limits are: nesting depth 64, numbers 100 digits, strings 65536 characters,"
                        + " property names 1024 characters");
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("path").asText()).isEqualTo(PUSH_PATH);
        assertThat(server.pushes).isEmpty();
        assertThat(logs.withStackTraces()).isEmpty();
    }

    @Test
    void aBodyRightAtTheLimitsIsAccepted() throws Exception {
        // Unknown fields are ignored, so they can carry the largest values the limits allow.
        String body = "{\"deep\": " + "[".repeat(63) + "]".repeat(63)
                + ", \"long_number\": " + "9".repeat(100)
                + ", \"long_string\": \"" + "s".repeat(65_536) + "\""
                + ", \"" + "n".repeat(1_024) + "\": 1"
                + ", \"status\": \"healthy\"}";

        HttpResponse<String> response = push(body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(server.pushes).containsKey("risk_manager");
    }

    @Test
    void malformedJsonStillSaysWhere() throws Exception {
        HttpResponse<String> response = push("{\"status\": }");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText())
                .startsWith("malformed JSON: ")
                .contains("at line 1, column 12");
    }

    private HttpResponse<String> push(String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(server.uri(PUSH_PATH))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
