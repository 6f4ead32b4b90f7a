package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Time parameters outside what any store can hold are a 400 naming the parameter; the query never runs. */
class JavalinHttpServerTimeParametersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapturedLogs logs = new CapturedLogs();
    private final StubbedServer server = new StubbedServer();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
        logs.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // A valid Instant whose epoch milliseconds overflow a long: the database said 503.
                "/api/v1/aggregates?start=-9300000000000000 | start | -9300000000000000 | from 0 to 253402300799",
                "/api/v1/aggregates?end=9300000000000000 | end | 9300000000000000 | from 0 to 253402300799",
                "/api/v1/aggregates?start=-1 | start | -1 | from 0 to 253402300799",
                "/api/v1/aggregates?end=253402300800 | end | 253402300800 | from 0 to 253402300799",
                // BigDecimal would build 10^99999999 to round this: seconds of CPU per request.
                "/api/v1/aggregates?start=1e99999999 | start | 1e99999999 | epoch seconds, e.g. 1795737600",
                "/api/v1/aggregates?end=1e-99999999 | end | 1e-99999999 | epoch seconds, e.g. 1795737600",
                "/api/v1/aggregates?start=0x10 | start | 0x10 | epoch seconds, e.g. 1795737600",
                "/api/v1/alerts/history?hours=1e300 | hours | 1e300 | greater than 0 and at most 8784",
                "/api/v1/alerts/history?hours=-9300000000000000 | hours | -9300000000000000 | greater than 0",
                "/api/v1/alerts/history?hours=NaN | hours | NaN | greater than 0 and at most 8784"
            })
    void anOverflowingTimeIsA400NamingTheParameter(String pathAndQuery, String name, String value, String expected)
            throws Exception {
        HttpResponse<String> response = get(pathAndQuery);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText())
                .startsWith("query parameter '" + name + "'='" + value + "' is invalid: expected ")
                .contains(expected);
        assertThat(server.queries).isEmpty();
        assertThat(logs.withStackTraces()).isEmpty();
    }

    @Test
    void theWholeRangeAndNanosecondsAreAccepted() throws Exception {
        assertThat(get("/api/v1/aggregates?start=0&end=253402300799").statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/aggregates?start=1795737600.123456789999&end=1795737600.5")
                        .statusCode())
                .isEqualTo(200);

        assertThat(server.queries)
                .containsExactly(
                        List.of(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"), "", 10_000),
                        List.of(
                                Instant.ofEpochSecond(1795737600, 123_456_789),
                                Instant.ofEpochSecond(1795737600, 500_000_000),
                                "",
                                10_000));
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(
                HttpRequest.newBuilder(server.uri(pathAndQuery))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
