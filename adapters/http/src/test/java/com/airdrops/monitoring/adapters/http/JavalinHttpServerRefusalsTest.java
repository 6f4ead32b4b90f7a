package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.airdrops.monitoring.domain.model.metric.Sample;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No refusal is silent: every 4xx answer is counted by endpoint and status, and each kind shows in the log. */
class JavalinHttpServerRefusalsTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void pushesWithAWrongTokenOrABrokenBodyAreCountedAndLoggedWithoutFloodingTheLog() throws Exception {
        try (StubbedServer server = new StubbedServer();
                CapturedLogs logs = new CapturedLogs()) {
            for (int i = 0; i < 5; i++) {
                assertThat(push(server, "Bearer wrong", "{}")).isEqualTo(401);
            }
            assertThat(push(server, "Bearer " + StubbedServer.TOKEN, "{\"risk_level\": 7}"))
                    .isEqualTo(400);
            assertThat(push(server, "Bearer " + StubbedServer.TOKEN, "{\"risk_level\": \"low\"}"))
                    .isEqualTo(202);

            assertThat(server.refusals.samples(StubbedServer.NOW))
                    .extracting(Sample::labels, Sample::value)
                    .containsExactlyInAnyOrder(
                            tuple(Map.of("endpoint", "/api/v1/components", "status", "401"), 5.0),
                            tuple(Map.of("endpoint", "/api/v1/components", "status", "400"), 1.0));
            assertThat(logs.messages().stream().filter(line -> line.startsWith("WARN Refused")))
                    .as("one line per kind within a minute")
                    .hasSize(2)
                    .anySatisfy(
                            line -> assertThat(line).contains(StubbedServer.PUSH_PATH, "401", "wrong bearer token"));
        }
    }

    private int push(StubbedServer server, String authorization, String body) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(server.uri(StubbedServer.PUSH_PATH))
                                .header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
