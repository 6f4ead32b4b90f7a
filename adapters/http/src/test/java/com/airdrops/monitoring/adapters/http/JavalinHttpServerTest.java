package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Condition;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import com.airdrops.monitoring.domain.model.component.ComponentMetrics;
import com.airdrops.monitoring.domain.model.component.ComponentProblem;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import com.airdrops.monitoring.domain.model.component.RiskLevel;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driving.AggregatedMetricsQuery;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import com.airdrops.monitoring.domain.port.driving.ChannelView;
import com.airdrops.monitoring.domain.port.driving.ComponentPushReceiver;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.ExpositionBody;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.airdrops.monitoring.domain.port.driving.NotificationAdmin;
import com.airdrops.monitoring.domain.port.driving.PushOutcome;
import com.airdrops.monitoring.domain.port.driving.ReloadOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JavalinHttpServerTest {
    private static final String BIG_BODY = "# HELP x y\n".repeat(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TOKEN = "s3cret-token";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final InstantSource CLOCK = InstantSource.fixed(NOW);

    private final RecordingPushReceiver pushes = new RecordingPushReceiver(Set.of("risk_manager"));
    private final AtomicReference<MetricsSnapshot> latest = new AtomicReference<>();
    private final List<Object[]> aggregateQueries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicReference<ReloadOutcome> reloadOutcome =
            new AtomicReference<>(new ReloadOutcome.Reloaded("7 alert rules"));
    private final java.util.concurrent.atomic.AtomicInteger reloads = new java.util.concurrent.atomic.AtomicInteger();
    private final ConfigReloader reloader = () -> {
        reloads.incrementAndGet();
        return reloadOutcome.get();
    };
    private final AlertQueries alertQueries = new AlertQueries() {
        @Override
        public List<Alert> getActiveAlerts() {
            return List.of(new Alert(
                    "risk_critical",
                    "risk_level",
                    3,
                    3,
                    AlertSeverity.CRITICAL,
                    new Firing(NOW.minusSeconds(20), NOW.minusSeconds(10)),
                    "Risk is critical",
                    NOW,
                    Map.of("team", "risk")));
        }

        @Override
        public HistoryPage getAlertHistory(
                double hours, InstanceScope scope, Optional<HistoryCursor> after, int limit) {
            historyHours.add(hours);
            historyPages.add(limit + " after " + after.map(Object::toString).orElse("none"));
            // A page of one row is cut: the answer must say so and point to the next.
            return new HistoryPage(List.of(), limit == 1 ? Optional.of(new HistoryCursor(1_000, 7)) : Optional.empty());
        }

        @Override
        public List<QuarantinedRecord> quarantined() {
            return List.of();
        }

        @Override
        public List<AlertRule> rules() {
            return List.of(
                    AlertRule.builder("risk_critical", "risk_level", Condition.GTE, 3, AlertSeverity.CRITICAL)
                            .description("Risk")
                            .forDuration(java.time.Duration.ofSeconds(3))
                            .build(),
                    AlertRule.builder("tasks_failing", "task_executions", Condition.GT, 2, AlertSeverity.HIGH)
                            .window(java.util.Optional.of(new com.airdrops.monitoring.domain.model.alert.RuleWindow(
                                    com.airdrops.monitoring.domain.model.alert.WindowFunction.INCREASE,
                                    java.time.Duration.ofSeconds(600))))
                            .build());
        }

        @Override
        public Map<String, com.airdrops.monitoring.domain.model.alert.WindowFill> windowFills() {
            return Map.of(
                    "tasks_failing",
                    new com.airdrops.monitoring.domain.model.alert.WindowFill(
                            NOW.minusSeconds(60), NOW.plusSeconds(540), 3, 0, 0));
        }
    };
    private final List<Integer> deadLetterLimits = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean foldedDeadLetter =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final NotificationAdmin notificationAdmin = new NotificationAdmin() {
        @Override
        public List<ChannelView> channels() {
            return List.of(new ChannelView(
                    "audit",
                    "webhook",
                    true,
                    java.util.EnumSet.of(AlertSeverity.HIGH, AlertSeverity.LOW),
                    Map.of("url", "http://127.0.0.1:9999/hook", "secret", "***")));
        }

        @Override
        public com.airdrops.monitoring.domain.model.notification.DeadLetterPage deadLetters(
                Optional<Long> before, int limit) {
            deadLetterLimits.add(limit);
            if (!foldedDeadLetter.get()) {
                return new com.airdrops.monitoring.domain.model.notification.DeadLetterPage(
                        List.of(), Optional.empty());
            }
            List<Alert> alerts = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                alerts.add(new Alert(
                        "queue_deep",
                        "queue_depth",
                        500,
                        100,
                        AlertSeverity.HIGH,
                        new Firing(NOW, NOW),
                        "deep",
                        NOW,
                        Map.of("component", "q" + i)));
            }
            return new com.airdrops.monitoring.domain.model.notification.DeadLetterPage(
                    List.of(new com.airdrops.monitoring.domain.model.notification.OutboxEntry(
                            3,
                            new com.airdrops.monitoring.domain.model.notification.Notification(
                                    "e-3", "hook", alerts, 29),
                            com.airdrops.monitoring.domain.model.notification.OutboxStatus.DEAD,
                            1,
                            Optional.of("HTTP 400"),
                            NOW,
                            NOW)),
                    Optional.of(3L));
        }

        @Override
        public Optional<com.airdrops.monitoring.domain.model.notification.OutboxEntry> replay(long id) {
            return Optional.empty();
        }
    };
    private final List<Double> historyHours = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> historyPages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AggregatedMetricsQuery aggregates = (start, end, name, limit) -> {
        aggregateQueries.add(new Object[] {start, end, name, limit});
        return List.of(new AggregatedMetric("system_cpu_usage_percent_avg", 12.5, NOW, Map.of("host", "a"), "avg"));
    };
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
        server = new JavalinHttpServer(
                new HttpServerSettings("127.0.0.1", 0, 1024 * 1024, Optional.of(TOKEN)),
                new HttpServerPorts(
                        format -> ExpositionBody.of(format == ExpositionFormat.OPENMETRICS ? "om\n# EOF\n" : BIG_BODY),
                        () -> Optional.ofNullable(latest.get()),
                        List.of(database),
                        pushes,
                        aggregates,
                        alertQueries,
                        reloader,
                        notificationAdmin,
                        CLOCK));
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
        HttpResponse<String> response = get(
                "/metrics",
                Map.of("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"));
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(response.body()).isEqualTo("om\n# EOF\n");
    }

    @Test
    void metricsAreGzippedWhenAccepted() throws Exception {
        HttpResponse<byte[]> response = client.send(
                request("/metrics", Map.of("Accept-Encoding", "gzip")).build(),
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
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(JSON.readTree("{\"status\":\"UP\",\"version\":\"development\"}"));
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
        latest.set(new MetricsSnapshot(
                at,
                Optional.empty(),
                List.of(
                        new ComponentMetrics(
                                "allocator",
                                "capital_allocator",
                                ComponentStatus.UNHEALTHY,
                                new ComponentProblem(
                                        "stale: last data at 2026-11-26T11:50:00Z, older than 120.0 s", true),
                                0.25,
                                3,
                                7,
                                Optional.of(Instant.parse("2026-11-26T11:50:00Z"))),
                        new ComponentMetrics(
                                "poller",
                                "risk_manager",
                                ComponentStatus.UNHEALTHY,
                                new ComponentProblem("GET http://bot:secret@10.0.0.5/status failed", false),
                                0.5,
                                1,
                                0,
                                Optional.empty())),
                List.of(
                        new Sample("protocol_allocation_percent", Map.of("protocol", "scroll"), 40.0, at),
                        Sample.of("odd_value", Double.NaN, at))));
        HttpResponse<String> after = get("/api/v1/metrics/latest", Map.of());

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).startsWith("{\"timestamp\":1795694400.250,");
        JsonNode components = JSON.readTree(after.body()).get("components");
        assertThat(components.get(0)).isEqualTo(JSON.readTree("""
                {"name": "allocator", "type": "capital_allocator", "state": "stale",
                 "problem": "stale: last data at 2026-11-26T11:50:00Z, older than 120.0 s",
                 "last_execution_time": 0.25, "error_count": 3, "success_count": 7,
                 "last_report_at": 1795693800.000}"""));
        assertThat(components.get(1).get("state").asText()).isEqualTo("unhealthy");
        assertThat(components.get(1).get("problem").asText()).isEqualTo("GET http://10.0.0.5/status failed");
        JsonNode samples = JSON.readTree(after.body()).get("samples");
        assertThat(samples.get(0).get("name").asText()).isEqualTo("protocol_allocation_percent");
        assertThat(samples.get(0).get("labels").get("protocol").asText()).isEqualTo("scroll");
        assertThat(samples.get(0).get("value").asDouble()).isEqualTo(40.0);
        assertThat(samples.get(1).get("value").isNull()).isTrue();
    }

    @Test
    void theStatusPageIsServedFromTheJarGzippedAndRevalidated() throws Exception {
        HttpResponse<byte[]> page = client.send(
                request("/", Map.of("Accept-Encoding", "gzip")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'self';"));
        String html = new String(
                new GZIPInputStream(new ByteArrayInputStream(page.body())).readAllBytes(), StandardCharsets.UTF_8);
        // The style sheet is written into the page, allowed by its hash; the script is ES modules from the agent.
        assertThat(html)
                .contains(
                        "<title>Airdrops Monitoring</title>", "<style>", "<script type=\"module\" src=\"ui/main.js\">")
                .doesNotContain("href=\"status.css\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self';")
                .containsPattern("style-src 'sha256-[A-Za-z0-9+/]{43}=';");
        HttpResponse<String> main = get("/ui/main.js", Map.of());
        assertThat(main.statusCode()).isEqualTo(200);
        assertThat(main.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(main.body()).contains("from \"./core.js\";");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/", Map.of("If-None-Match", etag, "Accept-Encoding", "gzip"));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(get("/", Map.of("If-None-Match", "*")).statusCode()).isEqualTo(304);
        HttpResponse<String> plain = get("/index.html", Map.of());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(html);
        assertThat(client.send(
                                request("/", Map.of())
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(405);

        assertThat(get("/status.js", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> slash = get("/index.html/", Map.of());
        assertThat(slash.statusCode()).isEqualTo(200); // routes ignore a trailing slash, and so does the page
        assertThat(slash.body()).isEqualTo(html);
        // Each representation has its own ETag; a refused gzip gets the plain page.
        assertThat(plain.headers().firstValue("ETag"))
                .isNotEqualTo(page.headers().firstValue("ETag"));
        HttpResponse<String> refused = get("/", Map.of("Accept-Encoding", "gzip;q=0, identity"));
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(html);
        // HEAD answers with GET's status and headers, without a body.
        HttpResponse<String> head = client.send(
                request("/", Map.of())
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isEqualTo(plain.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(head.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(head.body()).isEmpty();
        HttpResponse<String> headLive = client.send(
                request("/health/live", Map.of())
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(headLive.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(get("/nothing.js", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathsGetAJson404() throws Exception {
        HttpResponse<String> response = get("/api/v1/nope", Map.of());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("no such endpoint");
    }

    @Test
    void aPortInUseIsReportedWithHostAndPort() {
        JavalinHttpServer second = new JavalinHttpServer(
                new HttpServerSettings("127.0.0.1", server.port()),
                new HttpServerPorts(
                        format -> ExpositionBody.of(""),
                        Optional::empty,
                        List.of(),
                        pushes,
                        aggregates,
                        alertQueries,
                        reloader,
                        notificationAdmin,
                        CLOCK));
        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }

    @Test
    void aPushWithTheRightTokenIsAccepted() throws Exception {
        HttpResponse<String> response = post(
                "/api/v1/components/risk_manager",
                "Bearer " + TOKEN,
                "{\"status\":\"healthy\",\"risk_level\":\"critical\",\"portfolio_value_usd\":152340.55,\"extra\":1}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("component").asText()).isEqualTo("risk_manager");
        ComponentSnapshot snapshot = pushes.received.get("risk_manager");
        assertThat(snapshot.riskLevel()).contains(RiskLevel.CRITICAL);
        assertThat(snapshot.portfolioValueUsd()).hasValue(152340.55);
        assertThat(snapshot.observedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPushes")
    void aBadPushGetsItsStatusAndChangesNothing(
            String description, String path, String authorization, String body, int status, String error)
            throws Exception {
        HttpResponse<String> response = post(path, authorization, body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(error);
        assertThat(pushes.received).isEmpty();
    }

    static Stream<Arguments> badPushes() {
        String ok = "{\"risk_level\": 2}";
        String bearer = "Bearer " + TOKEN;
        String path = "/api/v1/components/risk_manager";
        return Stream.of(
                Arguments.of("missing token", path, null, ok, 401, "missing bearer token"),
                Arguments.of("wrong token", path, "Bearer nope", ok, 401, "wrong bearer token"),
                Arguments.of("not a bearer", path, "Basic " + TOKEN, ok, 401, "missing bearer token"),
                Arguments.of(
                        "body over 1 MiB",
                        path,
                        bearer,
                        "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}",
                        413,
                        "larger than 1048576 bytes"),
                Arguments.of("malformed JSON", path, bearer, "{\"risk_level\": ", 400, "malformed JSON"),
                Arguments.of("not an object", path, bearer, "[1,2]", 400, "must be a JSON object"),
                Arguments.of(
                        "wrong type",
                        path,
                        bearer,
                        "{\"portfolio_value_usd\": \"lots\"}",
                        400,
                        "portfolio_value_usd: expected a finite number, got 'lots'"),
                Arguments.of(
                        "bad risk level",
                        path,
                        bearer,
                        "{\"risk_level\": \"extreme\"}",
                        400,
                        "risk_level: expected low, medium, high, critical or 0..3, got 'extreme'"),
                Arguments.of(
                        "nested wrong type",
                        path,
                        bearer,
                        "{\"protocol_allocations\": {\"scroll\": true}}",
                        400,
                        "protocol_allocations.scroll: expected a finite number"),
                Arguments.of(
                        "line break in a label value",
                        path,
                        bearer,
                        "{\"protocol_allocations\": {\"nl\\nline\": 45}}",
                        400,
                        "protocol_allocations.nl\\u000Aline: a key must not contain control characters"),
                Arguments.of(
                        "a line separator in a label value",
                        path,
                        bearer,
                        "{\"protocol_allocations\": {\"ok\\u2028INFO forged\": 45}}",
                        400,
                        "protocol_allocations.ok\\u2028INFO forged: a key must not contain control characters"),
                Arguments.of(
                        "hidden tag characters in a label value",
                        path,
                        bearer,
                        "{\"protocol_allocations\": {\"pay\\uDB40\\uDC69me\": 45}}",
                        400,
                        "found U+E0069"),
                Arguments.of(
                        "right-to-left override in a label value",
                        path,
                        bearer,
                        "{\"protocol_allocations\": {\"scroll\\u202Egnp.exe\": 45}}",
                        400,
                        "protocol_allocations.scroll\\u202Egnp.exe: a key must not contain control characters (line "
                                + "breaks, escapes) or invisible formatting characters (bidi controls, zero-width), "
                                + "found U+202E"),
                Arguments.of(
                        "negative count",
                        path,
                        bearer,
                        "{\"error_count\": -1}",
                        400,
                        "error_count: expected a whole number >= 0"),
                Arguments.of(
                        "unknown component",
                        "/api/v1/components/wallet",
                        bearer,
                        ok,
                        404,
                        "no push component named 'wallet'"));
    }

    @Test
    void pushesAreForbiddenWhenNoTokenIsConfigured() throws Exception {
        JavalinHttpServer open = new JavalinHttpServer(
                new HttpServerSettings("127.0.0.1", 0),
                new HttpServerPorts(
                        format -> ExpositionBody.of(""),
                        Optional::empty,
                        List.of(),
                        pushes,
                        aggregates,
                        alertQueries,
                        reloader,
                        notificationAdmin,
                        CLOCK));
        open.start();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + open.port() + "/api/v1/components/risk_manager"))
                            .header("Authorization", "Bearer anything")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).get("error").asText()).contains("set MONITORING_API_TOKEN");
            assertThat(pushes.received).isEmpty();
        } finally {
            open.close();
        }
    }

    @Test
    void aggregatesAreListedWithSnakeCaseFieldsAndEpochSeconds() throws Exception {
        HttpResponse<String> response =
                get("/api/v1/aggregates?start=1795690800&end=1795694400.5&name=system_cpu&limit=50", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                [{"metric_name":"system_cpu_usage_percent_avg","value":12.5,"timestamp":1795694400.000,
                  "labels":{"host":"a"},"aggregation_type":"avg"}]"""));
        assertThat(aggregateQueries)
                .singleElement()
                .satisfies(query -> assertThat(query)
                        .containsExactly(
                                Instant.ofEpochSecond(1795690800),
                                Instant.ofEpochSecond(1795694400, 500_000_000),
                                "system_cpu",
                                50));
    }

    @Test
    void aggregatesDefaultToTheLastHourWithoutAFilter() throws Exception {
        assertThat(get("/api/v1/aggregates", Map.of()).statusCode()).isEqualTo(200);
        assertThat(aggregateQueries)
                .singleElement()
                .satisfies(query -> assertThat(query).containsExactly(NOW.minusSeconds(3600), NOW, "", 10_000));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "start=abc | query parameter 'start'='abc' is invalid: expected epoch seconds",
                "end=tomorrow | query parameter 'end'='tomorrow' is invalid: expected epoch seconds",
                "limit=0 | query parameter 'limit'='0' is invalid: expected a whole number from 1 to 100000",
                "limit=lots | query parameter 'limit'='lots' is invalid",
                "start=200&end=100 | query parameter 'start' must not be after 'end'"
            })
    void aBadAggregatesParameterIsA400NamingIt(String query, String error) throws Exception {
        HttpResponse<String> response = get("/api/v1/aggregates?" + query, Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith(error);
        assertThat(aggregateQueries).isEmpty();
    }

    @Test
    void activeAlertsAndRulesUseSnakeCaseAndEpochSeconds() throws Exception {
        JsonNode alert = JSON.readTree(get("/api/v1/alerts", Map.of()).body()).get(0);
        assertThat(alert.get("rule_name").asText()).isEqualTo("risk_critical");
        assertThat(alert.get("status").asText()).isEqualTo("firing");
        assertThat(alert.get("severity").asText()).isEqualTo("critical");
        assertThat(alert.get("pending_since").asDouble()).isEqualTo(NOW.getEpochSecond() - 20);
        assertThat(alert.get("firing_since").asDouble()).isEqualTo(NOW.getEpochSecond() - 10);
        assertThat(alert.get("resolved_at").isNull()).isTrue();
        assertThat(alert.get("labels").get("team").asText()).isEqualTo("risk");
        // Paged like every list: a cursor past the end is an empty page, a limit out of range a clear 400.
        assertThat(get("/api/v1/alerts?cursor=1", Map.of()).body()).isEqualTo("[]");
        assertThat(get("/api/v1/alerts?limit=0", Map.of()).statusCode()).isEqualTo(400);

        JsonNode rule = JSON.readTree(get("/api/v1/rules", Map.of()).body()).get(0);
        assertThat(rule.get("condition").asText()).isEqualTo("gte");
        assertThat(rule.get("for_duration").asDouble()).isEqualTo(3.0);
        assertThat(rule.get("function").isNull()).isTrue();
        assertThat(rule.get("window").isNull()).isTrue();

        String body = get("/api/v1/rules", Map.of()).body();
        JsonNode windowed = JSON.readTree(body).get(1);
        assertThat(windowed.get("function").asText()).isEqualTo("increase");
        assertThat(windowed.get("over").asDouble()).isEqualTo(600.0);
        assertThat(body)
                .as("a minute after the start: nine minutes to go")
                .contains("\"window\":" + "{\"filled\":false,\"since\":" + (NOW.getEpochSecond() - 60)
                        + ".000,\"filled_at\":" + (NOW.getEpochSecond() + 540)
                        + ".000,\"series\":3,\"refused_samples\":0,\"sparse_series\":0}");
    }

    @Test
    void historyTakesHoursAndRefusesNonsense() throws Exception {
        assertThat(get("/api/v1/alerts/history?hours=6", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/alerts/history", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = get("/api/v1/alerts/history?hours=-1", Map.of());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("error").asText())
                .startsWith("query parameter 'hours'='-1' is invalid");
        assertThat(historyHours).containsExactly(6.0, 24.0);
    }

    @Test
    void historyComesInPagesAndSaysWhenItCut() throws Exception {
        HttpResponse<String> whole = get("/api/v1/alerts/history?hours=6", Map.of());
        assertThat(whole.headers().firstValue("X-Truncated")).isEmpty();

        HttpResponse<String> cut = get("/api/v1/alerts/history?hours=6&limit=1", Map.of());
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.headers().firstValue("X-Truncated")).hasValue("true");
        assertThat(cut.headers().firstValue("X-Next-Cursor")).hasValue("1000.7");
        assertThat(cut.headers().firstValue("Link"))
                .hasValue("</api/v1/alerts/history?hours=6&limit=1&cursor=1000.7>; rel=\"next\"");

        assertThat(get("/api/v1/alerts/history?hours=6&limit=1&cursor=1000.7", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(historyPages).containsExactly("1000 after none", "1 after none", "1 after 1000.7");
        assertThat(get("/api/v1/alerts/history?limit=0", Map.of()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/alerts/history?limit=10001", Map.of()).statusCode())
                .isEqualTo(400);
        HttpResponse<String> badCursor = get("/api/v1/alerts/history?cursor=yesterday", Map.of());
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badCursor.body()).get("error").asText()).contains("'cursor'='yesterday' is invalid");
    }

    @Test
    void reloadNeedsTheTokenAndReportsARejectedConfiguration() throws Exception {
        assertThat(post("/api/v1/reload", null, "").statusCode()).isEqualTo(401);
        assertThat(reloads.get()).isZero();

        HttpResponse<String> ok = post("/api/v1/reload", "Bearer " + TOKEN, "");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("loaded").asText()).isEqualTo("7 alert rules");

        reloadOutcome.set(new ReloadOutcome.Rejected(List.of("rules.yaml:3:5: rules[0].condition: unknown")));
        HttpResponse<String> rejected = post("/api/v1/reload", "Bearer " + TOKEN, "");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rejected.body()).get("problems").get(0).asText())
                .contains("rules[0].condition");
    }

    @Test
    void channelsAreListedAsTheAdminRedactedThemAndReplayNeedsAKnownDeadLetter() throws Exception {
        JsonNode channel =
                JSON.readTree(get("/api/v1/channels", Map.of()).body()).get(0);
        assertThat(channel.get("severities").toString()).isEqualTo("[\"low\",\"high\"]");
        assertThat(channel.get("config").get("secret").asText()).isEqualTo("***");

        assertThat(post("/api/v1/notifications/7/replay", null, "").statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/notifications/7/replay", "Bearer " + TOKEN, "").statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/notifications/x/replay", "Bearer " + TOKEN, "").statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/notifications/dead", Map.of()).body()).isEqualTo("[]");
    }

    @Test
    void deadLettersAreBoundedInNumberAndInAlertsEach() throws Exception {
        foldedDeadLetter.set(true);
        HttpResponse<String> dead = get("/api/v1/notifications/dead", Map.of());
        assertThat(dead.headers().firstValue("X-Truncated"))
                .as("more dead letters follow: the answer says so")
                .hasValue("true");
        assertThat(dead.headers().firstValue("X-Next-Cursor")).hasValue("3");
        JsonNode letter = JSON.readTree(dead.body()).get(0);
        assertThat(letter.get("alert_count").asInt()).isEqualTo(30);
        assertThat(letter.get("alerts")).hasSize(20);
        assertThat(get("/api/v1/notifications/dead?limit=5", Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(deadLetterLimits).containsExactly(100, 5);
        assertThat(get("/api/v1/notifications/dead?limit=1001", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/notifications/dead?limit=x", Map.of()).statusCode())
                .isEqualTo(400);
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = request(path, Map.of("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records accepted pushes for the names it knows. */
    private static final class RecordingPushReceiver implements ComponentPushReceiver {
        private final Set<String> known;
        private final Map<String, ComponentSnapshot> received = new ConcurrentHashMap<>();

        RecordingPushReceiver(Set<String> known) {
            this.known = known;
        }

        @Override
        public PushOutcome accept(String componentName, ComponentSnapshot snapshot) {
            if (!known.contains(componentName)) {
                return new PushOutcome.UnknownComponent(componentName);
            }
            received.put(componentName, snapshot);
            return new PushOutcome.Accepted(componentName);
        }
    }

    private HttpResponse<String> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        return client.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(builder::header);
        return builder;
    }
}
