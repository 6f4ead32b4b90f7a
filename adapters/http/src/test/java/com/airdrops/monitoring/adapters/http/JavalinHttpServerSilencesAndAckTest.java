package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.config.ReadTokenScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The silences API and both ways to acknowledge: what reaches the ports, and what is refused before they are asked. */
class JavalinHttpServerSilencesAndAckTest {
    private static final String READ = "read-token";

    private final HttpClient client = HttpClient.newHttpClient();
    private final StubbedServer server = new StubbedServer(new HttpServerSettings(
            "127.0.0.1",
            0,
            HttpServerSettings.DEFAULT_MAX_REQUEST_BYTES,
            Optional.of(StubbedServer.TOKEN),
            HttpServerSettings.DEFAULT_REQUEST_BODY_TIMEOUT,
            Optional.of(READ),
            ReadTokenScope.API));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSilenceIsCreatedWithADurationListedAndExpired() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/silences", StubbedServer.TOKEN, """
                {"matchers": {"alertname": "queue_deep", "component": "=~sched.*"}, "duration": "1h30m",
                 "created_by": "ops", "comment": "maintenance"}""");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body())
                .contains(
                        "\"matchers\":{\"alertname\":\"queue_deep\",\"component\":\"=~sched.*\"}",
                        "\"ends_at\":" + StubbedServer.NOW.plusSeconds(5_400).getEpochSecond(),
                        "\"state\":\"active\"");
        assertThat(send("GET", "/api/v1/silences", READ, "").body()).contains("silence-1", "maintenance");
        HttpResponse<String> expired = send("DELETE", "/api/v1/silences/silence-1", StubbedServer.TOKEN, "");
        assertThat(expired.body()).contains("\"state\":\"expired\"");
        assertThat(send("DELETE", "/api/v1/silences/nope", StubbedServer.TOKEN, "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBadSilenceIsRefusedWithTheReasonAndNothingIsCreated() throws Exception {
        assertThat(send("POST", "/api/v1/silences", null, "{}").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/silences", READ, "{}").statusCode())
                .as("the read token cannot write")
                .isEqualTo(401);
        String[][] cases = {
            {"{\"duration\": \"1h\", \"created_by\": \"ops\"}", "'matchers' must be a non-empty object"},
            {
                "{\"matchers\": {\"a\": \"=~(\"}, \"duration\": \"1h\", \"created_by\": \"ops\"}",
                "invalid regular expression"
            },
            {
                "{\"matchers\": {\"a\": \"=~(\\\\w|a)*\\\\1b\"}, \"duration\": \"1h\", \"created_by\": \"ops\"}",
                "RE2 syntax"
            },
            {"{\"matchers\": {\"a\": \"b\"}, \"created_by\": \"ops\"}", "exactly one of 'ends_at'"},
            {
                "{\"matchers\": {\"a\": \"b\"}, \"duration\": \"1h\", \"ends_at\": 1, \"created_by\": \"ops\"}",
                "exactly one"
            },
            {
                "{\"matchers\": {\"a\": \"b\"}, \"duration\": \"2 fortnights\", \"created_by\": \"ops\"}",
                "'duration'='2 fortnights' is invalid"
            },
            {"{\"matchers\": {\"a\": \"b\"}, \"duration\": \"400d\", \"created_by\": \"ops\"}", "at most 366 days"},
            {"{\"matchers\": {\"a\": \"b\"}, \"ends_at\": \"tomorrow\", \"created_by\": \"ops\"}", "ISO-8601"},
            {"{\"matchers\": {\"a\": \"b\"}, \"duration\": \"1h\"}", "'created_by' must be a non-empty string"},
            {
                "{\"matchers\": {\"a\": \"b\"}, \"duration\": \"1h\", \"created_by\": \"ops\", \"until\": 5}",
                "unknown field(s) [until]"
            },
            {"{\"matchers\": {\"a\": \"b\"}, \"duration\": \"1h\", \"created_by\": \"ev\\nil\"}", "control characters"},
            {
                "{\"matchers\": {\"a\": \"x\\u001b[31m\"}, \"duration\": \"1h\", \"created_by\": \"ops\"}",
                "control characters"
            },
            {"{\"matchers\": {\"9a\": \"b\"}, \"duration\": \"1h\", \"created_by\": \"ops\"}", "not a valid label name"
            },
            {"{\"matchers\": {\"a\": \"b\"}, \"duration\": 0.5, \"created_by\": \"ops\"}", "at least 1"},
            {
                "{\"matchers\": {\"a\": \"b\"}, \"starts_at\": 9999999999, \"duration\": \"1h\", \"created_by\": \"ops\"}",
                "starts at most 366 days"
            },
        };
        for (String[] bad : cases) {
            HttpResponse<String> response = send("POST", "/api/v1/silences", StubbedServer.TOKEN, bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.body()).as(bad[0]).contains(bad[1]);
        }
        assertThat(server.silences).isEmpty();
    }

    @Test
    void anAcknowledgementNeedsTheTokenAndPassesItsFields() throws Exception {
        assertThat(send("POST", "/api/v1/alerts/abc/ack", null, "").statusCode())
                .isEqualTo(401);
        assertThat(send("DELETE", "/api/v1/silences/x", null, "").body())
                .as("a write names the write token")
                .contains("MONITORING_API_TOKEN>");
        assertThat(send("POST", "/api/v1/alerts/abc/ack", StubbedServer.TOKEN, "{\"by\": \"a\\r\\nb\"}")
                        .body())
                .contains("control characters");
        assertThat(send("POST", "/api/v1/alerts/abc/ack", StubbedServer.TOKEN, "{\"until\": 1}")
                        .body())
                .contains("'until' must be in the future");

        HttpResponse<String> acked = send(
                "POST",
                "/api/v1/alerts/abc/ack",
                StubbedServer.TOKEN,
                "{\"by\": \"alice\", \"comment\": \"on it\", \"until\": \"2026-11-26T13:00:00Z\"}");

        assertThat(acked.statusCode()).isEqualTo(200);
        assertThat(server.acknowledgements).containsExactly("abc alice on it Optional[2026-11-26T13:00:00Z]");
        assertThat(send("POST", "/api/v1/alerts/acked/ack", StubbedServer.TOKEN, "")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aSignedLinkAcknowledgesWithoutATokenAndATamperedOrExpiredOneIsRefused() throws Exception {
        String valid = pathAndQuery(StubbedServer.ACK_LINKS.link("abc", StubbedServer.NOW, StubbedServer.NOW));
        String expired = pathAndQuery(
                StubbedServer.ACK_LINKS.link("abc", StubbedServer.NOW, StubbedServer.NOW.minus(Duration.ofHours(2))));
        String otherAlert = valid.replace("/abc/", "/abd/");

        assertThat(send("GET", otherAlert, null, "").statusCode()).isEqualTo(403);
        assertThat(send("GET", valid.replace("expires=", "expires=1"), null, "").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", valid.replaceAll("&sig=.*", ""), null, "").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", expired, null, "").statusCode()).isEqualTo(410);
        assertThat(server.acknowledgements).isEmpty();

        HttpResponse<String> acked = send("GET", valid, null, "");
        assertThat(acked.statusCode())
                .as("no read token needed: the signature is the authority")
                .isEqualTo(200);
        assertThat(server.acknowledgements).containsExactly("abc signed-link  Optional.empty");
    }

    @Test
    void aLinkFromAnEarlierEpisodeAcknowledgesNothingAndHeadNeverActs() throws Exception {
        String earlier = pathAndQuery(
                StubbedServer.ACK_LINKS.link("abc", StubbedServer.NOW.minus(Duration.ofHours(1)), StubbedServer.NOW));
        String valid = pathAndQuery(StubbedServer.ACK_LINKS.link("abc", StubbedServer.NOW, StubbedServer.NOW));

        HttpResponse<String> old = send("GET", earlier, null, "");
        assertThat(old.statusCode()).isEqualTo(409);
        assertThat(old.body()).contains("earlier firing episode");
        assertThat(send("HEAD", valid, null, "").statusCode())
                .as("what a GET would be told: it would acknowledge")
                .isEqualTo(200);
        assertThat(send(
                                "HEAD",
                                pathAndQuery(
                                        StubbedServer.ACK_LINKS.link("gone", StubbedServer.NOW, StubbedServer.NOW)),
                                null,
                                "")
                        .statusCode())
                .as("no such alert: what a GET of it would be told")
                .isEqualTo(404);
        assertThat(send("HEAD", earlier, null, "").statusCode()).isEqualTo(409);
        assertThat(send("HEAD", valid.replace("/abc/", "/abd/"), null, "").statusCode())
                .isEqualTo(403);
        assertThat(server.acknowledgements).as("neither acknowledged anything").isEmpty();
    }

    private static String pathAndQuery(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
