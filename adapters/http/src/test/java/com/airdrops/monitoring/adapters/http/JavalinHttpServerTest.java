package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.model.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.Sample;
import com.airdrops.monitoring.domain.port.ExpositionFormat;
import com.airdrops.monitoring.domain.port.HealthCheck;
import com.airdrops.monitoring.domain.port.HealthCheckResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JavalinHttpServerTest {
    private static final String BIG_BODY = "# HELP x y\n".repeat(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<MetricsSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<HealthCheckResult> dbHealth = new AtomicReference<>(HealthCheckResult.up("ok"));
    private final HttpClient client = HttpClient.newHttpClient();
    private JavalinHttpServer server;

    @BeforeEach
    void start() {
        HealthCheck database = new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthCheckResult check() {
                return dbHealth.get();
            }
        };
        server = new JavalinHttpServer(new HttpServerSettings("127.0.0.1", 0),
                format -> format == ExpositionFormat.OPENMETRICS ? "om\n# EOF\n" : BIG_BODY,
                () -> Optional.ofNullable(latest.get()), List.of(database));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void metricsAreServedAsPrometheusTextByDefault() throws Exception {
        HttpResponse<String> response = get("/metrics", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo(BIG_BODY);
    }

    @Test
    void openMetricsIsServedWhenTheScraperAsksForIt() throws Exception {
        HttpResponse<String> response = get("/metrics",
                Map.of("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"));
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(response.body()).isEqualTo("om\n# EOF\n");
    }

    @Test
    void metricsAreGzippedWhenAccepted() throws Exception {
        HttpResponse<byte[]> response = client.send(request("/metrics", Map.of("Accept-Encoding", "gzip")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(gzip.readAllBytes())).isEqualTo(BIG_BODY);
        }
    }

    @Test
    void livenessIsUpWhileTheProcessRuns() throws Exception {
        HttpResponse<String> response = get("/health/live", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void readinessListsEveryCheckAndIs503WhenOneIsDown() throws Exception {
        assertThat(get("/health/ready", Map.of()).statusCode()).isEqualTo(200);

        dbHealth.set(HealthCheckResult.down("connection refused"));
        HttpResponse<String> response = get("/health/ready", Map.of());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("checks").get(0).get("name").asText()).isEqualTo("database");
        assertThat(body.get("checks").get(0).get("detail").asText()).isEqualTo("connection refused");
    }

    @Test
    void latestMetricsAre503BeforeTheFirstCollectionThenTheSnapshot() throws Exception {
        HttpResponse<String> before = get("/api/v1/metrics/latest", Map.of());
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(before.body()).get("error").asText()).isEqualTo("no collection has run yet");

        Instant at = Instant.parse("2026-11-26T12:00:00.250Z");
        latest.set(new MetricsSnapshot(at, Optional.empty(), List.of(), List.of(
                new Sample("protocol_allocation_percent", Map.of("protocol", "scroll"), 40.0, at),
                Sample.of("odd_value", Double.NaN, at))));
        HttpResponse<String> after = get("/api/v1/metrics/latest", Map.of());

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).startsWith("{\"timestamp\":1795694400.250,");
        JsonNode samples = JSON.readTree(after.body()).get("samples");
        assertThat(samples.get(0).get("name").asText()).isEqualTo("protocol_allocation_percent");
        assertThat(samples.get(0).get("labels").get("protocol").asText()).isEqualTo("scroll");
        assertThat(samples.get(0).get("value").asDouble()).isEqualTo(40.0);
        assertThat(samples.get(1).get("value").isNull()).isTrue();
    }

    @Test
    void unknownPathsGetAJson404() throws Exception {
        HttpResponse<String> response = get("/api/v1/nope", Map.of());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("no such endpoint");
    }

    @Test
    void aPortInUseIsReportedWithHostAndPort() {
        JavalinHttpServer second = new JavalinHttpServer(new HttpServerSettings("127.0.0.1", server.port()),
                format -> "", Optional::empty, List.of());
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return client.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(builder::header);
        return builder;
    }
}
