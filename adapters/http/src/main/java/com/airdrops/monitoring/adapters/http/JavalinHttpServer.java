package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.MimeTypes;
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
    private final OperatorEndpoints operator;
    private final ComponentPushHandler pushHandler;
    private final AggregatesHandler aggregatesHandler;
    static final int MAX_THREADS = 32;
    static final int MIN_THREADS = 2;

    /** The largest body of a silence or an acknowledgement. */
    static final long SMALL_BODY_BYTES = 64 * 1024;

    private final AlertsHandler alertsHandler;
    private final HistoryHandler historyHandler;
    private final RulesHandler rulesHandler;
    private final ReloadHandler reloadHandler;
    private final AcknowledgementsHandler acknowledgementsHandler;
    private final SilencesHandler silencesHandler;
    private final StatusPageFiles statusPage = StatusPageFiles.classpath();
    private final NotificationsHandler notificationsHandler;
    private final ReadAccess readAccess;
    private final RefusedRequests refusals;
    private Javalin app;

    public JavalinHttpServer(HttpServerSettings settings, HttpServerPorts ports) {
        this(settings, ports, new RefusedRequests(ports.clock()));
    }

    /** @param refusals where every 4xx answer is counted and logged */
    public JavalinHttpServer(HttpServerSettings settings, HttpServerPorts ports, RefusedRequests refusals) {
        this.refusals = refusals;
        this.settings = settings;
        this.operator = new OperatorEndpoints(ports.exposition(), ports.latestMetrics(), ports.readinessChecks());
        BearerToken token = new BearerToken(settings.apiToken());
        this.readAccess = new ReadAccess(settings, new BearerToken(settings.readToken()), token);
        this.pushHandler = new ComponentPushHandler(
                token,
                new RequestBodyReader(settings.maxRequestBytes(), settings.requestBodyTimeout()),
                ports.pushReceiver(),
                ports.clock());
        RequestBodyReader smallBodies = new RequestBodyReader(SMALL_BODY_BYTES, settings.requestBodyTimeout());
        this.alertsHandler = new AlertsHandler(ports.alerts());
        this.historyHandler = new HistoryHandler(ports.alerts());
        this.rulesHandler = new RulesHandler(ports.alerts(), ports.clock());
        this.reloadHandler = new ReloadHandler(ports.reloader(), token);
        this.acknowledgementsHandler =
                new AcknowledgementsHandler(token, ports.acknowledger(), ports.ackLinks(), smallBodies, ports.clock());
        this.silencesHandler = new SilencesHandler(ports.silences(), token, smallBodies, ports.clock());
        this.notificationsHandler = new NotificationsHandler(ports.notifications(), token);
        this.aggregatesHandler = new AggregatesHandler(ports.aggregates(), ports.clock());
    }

    /**
     * Runs what the first server of a process does once and for all (the JSON mapper, Jetty's table of media types,
     * the status page's files and their digests), so that a caller can have it done on another thread while it builds
     * the rest of the agent; whatever this has not finished when the server needs it, the server waits for instead of
     * doing it twice. On a cold JVM, that is a good part of the server's start (BENCHMARKS.md).
     */
    public static void preload() {
        initialize(JsonBodies.class);
        initialize(MimeTypes.class);
        StatusPageFiles.classpath();
    }

    private static void initialize(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /** Starts listening; throws {@link IllegalStateException} naming host and port when the port cannot be bound. */
    public synchronized void start() {
        // Jetty sizes a queue's padding from the JVM's compressed-oops option, which it asks the platform MBean
        // server for: building that server loads some 300 classes of JMX and of the JVM's diagnostic commands that
        // nothing else here uses. Below 32 GiB of heap references are 4 bytes: 16 of them fill a 64-byte line.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null
                && Runtime.getRuntime().maxMemory() < 32L << 30) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
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
            config.routes.before(readAccess::require);
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
            getAndHead.accept("/metrics", operator::metrics);
            getAndHead.accept("/health/live", operator::live);
            getAndHead.accept("/health/ready", operator::ready);
            config.routes.get("/api/v1/metrics/latest", operator::latest);
            config.routes.post("/api/v1/components/{name}", pushHandler::handle);
            config.routes.get("/api/v1/aggregates", aggregatesHandler::handle);
            config.routes.get("/api/v1/alerts", alertsHandler::active);
            config.routes.get("/api/v1/alerts/history", historyHandler::handle);
            config.routes.get("/api/v1/alerts/quarantine", alertsHandler::quarantine);
            config.routes.get("/api/v1/rules", rulesHandler::handle);
            config.routes.post("/api/v1/alerts/{fingerprint}/ack", acknowledgementsHandler::acknowledge);
            config.routes.get("/api/v1/alerts/{fingerprint}/ack", acknowledgementsHandler::acknowledgeByLink);
            // What a GET of the link would answer, without acting: link checkers and previews send HEAD.
            config.routes.head("/api/v1/alerts/{fingerprint}/ack", acknowledgementsHandler::checkLink);
            config.routes.get("/api/v1/silences", silencesHandler::list);
            config.routes.post("/api/v1/silences", silencesHandler::create);
            config.routes.delete("/api/v1/silences/{id}", silencesHandler::expire);
            config.routes.post("/api/v1/reload", reloadHandler::handle);
            config.routes.get("/api/v1/channels", notificationsHandler::channels);
            config.routes.get("/api/v1/notifications/dead", notificationsHandler::dead);
            config.routes.post("/api/v1/notifications/{id}/replay", notificationsHandler::replay);
            ErrorResponses.install(config.routes);
        });
        try {
            created.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot listen on " + settings.host() + ":" + settings.port() + ": " + Failures.rootMessage(e), e);
        }
        app = created;
    }

    /**
     * Replaces the checks {@code /health/ready} runs: the agent's parts that start after the server (its database
     * half) add theirs when they join.
     */
    public void readinessChecks(List<HealthCheck> checks) {
        operator.readinessChecks(checks);
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
}
