package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.port.driving.MetricsExposition;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP server: {@code GET /metrics} (Prometheus text or OpenMetrics, gzip when accepted), liveness and
 * readiness, and the JSON API. Every error answer is a JSON body; no request can take the server down.
 */
public final class JavalinHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JavalinHttpServer.class);
    /** The jar's version (its manifest), or "development" when run from classes. */
    static final String VERSION = Optional.ofNullable(
                    JavalinHttpServer.class.getPackage().getImplementationVersion())
            .orElse("development");

    private final HttpServerSettings settings;
    private final MetricsExposition exposition;
    private final LatestMetrics latestMetrics;
    private final List<HealthCheck> readinessChecks;
    private final ComponentPushHandler pushHandler;
    private final AggregatesHandler aggregatesHandler;
    static final int MAX_THREADS = 32;
    static final int MIN_THREADS = 2;

    /** The largest body of a silence or an acknowledgement. */
    static final long SMALL_BODY_BYTES = 64 * 1024;

    private final AlertsHandler alertsHandler;
    private final SilencesHandler silencesHandler;
    private final StatusPageFiles statusPage = StatusPageFiles.fromClasspath();
    private final NotificationsHandler notificationsHandler;
    private final BearerToken readToken;
    private final BearerToken writeToken;
    private final RefusedRequests refusals;
    private Javalin app;

    public JavalinHttpServer(HttpServerSettings settings, HttpServerPorts ports) {
        this(settings, ports, new RefusedRequests(ports.clock()));
    }

    /** @param refusals where every 4xx answer is counted and logged */
    public JavalinHttpServer(HttpServerSettings settings, HttpServerPorts ports, RefusedRequests refusals) {
        this.refusals = refusals;
        this.settings = settings;
        this.exposition = ports.exposition();
        this.latestMetrics = ports.latestMetrics();
        this.readinessChecks = ports.readinessChecks();
        BearerToken token = new BearerToken(settings.apiToken());
        this.readToken = new BearerToken(settings.readToken());
        this.writeToken = token;
        this.pushHandler = new ComponentPushHandler(
                token,
                new RequestBodyReader(settings.maxRequestBytes(), settings.requestBodyTimeout()),
                ports.pushReceiver(),
                ports.clock());
        RequestBodyReader smallBodies = new RequestBodyReader(SMALL_BODY_BYTES, settings.requestBodyTimeout());
        this.alertsHandler = new AlertsHandler(
                ports.alerts(),
                ports.reloader(),
                token,
                ports.acknowledger(),
                ports.ackLinks(),
                smallBodies,
                ports.clock());
        this.silencesHandler = new SilencesHandler(ports.silences(), token, smallBodies, ports.clock());
        this.notificationsHandler = new NotificationsHandler(ports.notifications(), token);
        this.aggregatesHandler = new AggregatesHandler(ports.aggregates(), ports.clock());
    }

    /**
     * With a read token configured, every GET of the JSON API (and of /metrics and health when the settings say so)
     * needs {@code Authorization: Bearer} with the read token or the API token.
     */
    private void requireReadToken(Context ctx) {
        if (settings.readToken().isEmpty() || !readProtected(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (readToken.matches(header) || writeToken.matches(header)) {
            return;
        }
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        throw new ApiException(
                401,
                header == null
                        ? (read
                                ? "missing bearer token: reads need 'Authorization: Bearer <MONITORING_API_READ_TOKEN>'"
                                : "missing bearer token: this needs 'Authorization: Bearer <MONITORING_API_TOKEN>'")
                        : "wrong bearer token");
    }

    private boolean readProtected(String rawPath) {
        // Routing ignores trailing slashes, so the guard must too: /metrics/ is /metrics.
        String path = rawPath.replaceAll("/+$", "");
        if (path.startsWith("/api/")) {
            return !path.startsWith("/api/v1/components/")
                    && !path.equals("/api/v1/reload")
                    && !path.endsWith("/ack") // a signed link is its own authority; the POST needs the API token
                    && !path.endsWith("/replay");
        }
        return settings.readTokenCoversScrapes() && (path.equals("/metrics") || path.startsWith("/health/"));
    }

    /** Starts listening; throws {@link IllegalStateException} naming host and port when the port cannot be bound. */
    public synchronized void start() {
        Javalin created = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            // Jetty's default pool keeps 8 threads and grows to 250: an agent answering a few scrapers needs neither.
            // Bodies are read without holding a thread, so a slow sender cannot use the pool up.
            config.jetty.threadPool = new QueuedThreadPool(
                    MAX_THREADS, MIN_THREADS, (int) Duration.ofMinutes(1).toMillis());
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            // Javalin then throws MethodNotAllowedResponse for a known path, answered with an Allow header below.
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JsonBodies.MAPPER, false));
            // The servlet context has no error handler of its own and falls back to the server's.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.routes.before(this::refuseDeclaredBodyAboveLimit);
            config.routes.before(this::requireReadToken);
            config.routes.after(ctx -> {
                int status = ctx.statusCode();
                if (status >= 400 && status < 500) {
                    refusals.record(ctx.path(), status, ApiError.message(ctx));
                }
            });
            // GET and HEAD alike: a HEAD answers with GET's status and headers (Jetty sends no body for a HEAD).
            BiConsumer<String, Handler> getAndHead = (path, handler) -> {
                config.routes.get(path, handler);
                config.routes.head(path, handler);
            };
            // The status page: one document kept in memory, gzipped once, and revalidated by ETag.
            statusPage.paths().forEach(path -> getAndHead.accept(path, statusPage::serve));
            getAndHead.accept("/metrics", this::metrics);
            getAndHead.accept("/health/live", this::live);
            getAndHead.accept("/health/ready", this::ready);
            config.routes.get("/api/v1/metrics/latest", this::latest);
            config.routes.post("/api/v1/components/{name}", pushHandler::handle);
            config.routes.get("/api/v1/aggregates", aggregatesHandler::handle);
            config.routes.get("/api/v1/alerts", alertsHandler::active);
            config.routes.get("/api/v1/alerts/history", alertsHandler::history);
            config.routes.get("/api/v1/alerts/quarantine", alertsHandler::quarantine);
            config.routes.get("/api/v1/rules", alertsHandler::rules);
            config.routes.post("/api/v1/alerts/{fingerprint}/ack", alertsHandler::acknowledge);
            config.routes.get("/api/v1/alerts/{fingerprint}/ack", alertsHandler::acknowledgeByLink);
            config.routes.get("/api/v1/silences", silencesHandler::list);
            config.routes.post("/api/v1/silences", silencesHandler::create);
            config.routes.delete("/api/v1/silences/{id}", silencesHandler::expire);
            config.routes.post("/api/v1/reload", alertsHandler::reload);
            config.routes.get("/api/v1/channels", notificationsHandler::channels);
            config.routes.get("/api/v1/notifications/dead", notificationsHandler::dead);
            config.routes.post("/api/v1/notifications/{id}/replay", notificationsHandler::replay);
            config.routes.error(
                    HttpStatus.NOT_FOUND.getCode(), ctx -> ApiError.respondIfUnexplained(ctx, 404, "no such endpoint"));
            config.routes.error(
                    HttpStatus.METHOD_NOT_ALLOWED.getCode(),
                    ctx -> ApiError.respondIfUnexplained(ctx, 405, "method not allowed"));
            config.routes.exception(ApiException.class, (e, ctx) -> ApiError.respond(ctx, e.status(), e.getMessage()));
            config.routes.exception(MethodNotAllowedResponse.class, JavalinHttpServer::methodNotAllowed);
            config.routes.exception(NotFoundResponse.class, (e, ctx) -> ApiError.respond(ctx, 404, "no such endpoint"));
            config.routes.exception(
                    HttpResponseException.class, (e, ctx) -> ApiError.respond(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(PersistenceException.class, (e, ctx) -> {
                LOG.warn("Request {} {} failed on the database: {}", ctx.method(), ctx.path(), e.getMessage());
                ApiError.respond(ctx, 503, "database unavailable; try again");
            });
            config.routes.exception(
                    IllegalArgumentException.class, (e, ctx) -> ApiError.respond(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
                ApiError.respond(ctx, 500, "internal error");
            });
        });
        try {
            created.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot listen on " + settings.host() + ":" + settings.port() + ": " + Failures.rootMessage(e), e);
        }
        app = created;
    }

    /** The bound port (useful when the settings asked for port 0). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("server not started");
        }
        return app.port();
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /**
     * A body declared larger than the limit is refused before anyone reads or waits for it, on every path. The long
     * length matters: {@link Context#contentLength()} is an int, -1 above 2^31, and such a request waited for its body.
     */
    private void refuseDeclaredBodyAboveLimit(Context ctx) {
        if (ctx.req().getContentLengthLong() > settings.maxRequestBytes()) {
            throw RequestBodyReader.tooLarge(settings.maxRequestBytes());
        }
    }

    private void metrics(Context ctx) {
        ExpositionFormat format = ContentNegotiation.exposition(ctx.header("Accept"));
        ctx.contentType(format.contentType()).result(exposition.scrapeBytes(format));
    }

    private void live(Context ctx) {
        ctx.json(Map.of("status", "UP", "version", VERSION));
    }

    private void ready(Context ctx) {
        List<Map<String, Object>> checks = new ArrayList<>();
        boolean allUp = true;
        for (HealthCheck check : readinessChecks) {
            HealthCheckResult result = safely(check);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", check.name());
            switch (result) {
                case HealthCheckResult.Up up -> {
                    entry.put("status", "UP");
                    entry.put("detail", up.detail());
                }
                case HealthCheckResult.Down down -> {
                    allUp = false;
                    entry.put("status", "DOWN");
                    entry.put("detail", down.reason());
                }
            }
            checks.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allUp ? "UP" : "DOWN");
        body.put("checks", checks);
        ctx.status(allUp ? 200 : 503).json(body);
    }

    private static HealthCheckResult safely(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return HealthCheckResult.down(e.toString());
        }
    }

    private void latest(Context ctx) {
        latestMetrics
                .latest()
                .ifPresentOrElse(
                        snapshot -> ctx.json(JsonViews.snapshot(snapshot)),
                        () -> ApiError.respond(ctx, 503, "no collection has run yet"));
    }

    /** 405 with the Allow header RFC 9110 asks for; HEAD is answered wherever GET is. */
    private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
        // Javalin puts the path's methods, comma-separated, in the exception's only detail.
        Set<String> allowed = new LinkedHashSet<>();
        for (String methods : e.getDetails().values()) {
            for (String method : methods.split(",")) {
                String name = method.trim();
                if (!name.isEmpty()) {
                    allowed.add(name);
                }
                if (name.equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        String allow = String.join(", ", allowed);
        ctx.header("Allow", allow);
        ApiError.respond(
                ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allow);
    }
}
