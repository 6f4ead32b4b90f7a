package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driving.ExpositionBody;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.port.driving.MetricsExposition;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What operators and Prometheus read: {@code /metrics}, liveness, readiness and the latest snapshot. Thread-safe. */
final class OperatorEndpoints {
    private final MetricsExposition exposition;
    private final ExpositionGzip gzip = new ExpositionGzip();
    private final LatestMetrics latestMetrics;
    private volatile List<HealthCheck> readinessChecks;

    OperatorEndpoints(MetricsExposition exposition, LatestMetrics latestMetrics, List<HealthCheck> readinessChecks) {
        this.exposition = exposition;
        this.latestMetrics = latestMetrics;
        this.readinessChecks = List.copyOf(readinessChecks);
    }

    /**
     * The exposition's parts written straight to the response, without joining them into one array first; gzipped
     * when the scraper accepts it, from the compressed collected part kept between collections. Javalin's own
     * compression is not involved: it would compress the whole body again at every scrape.
     */
    void metrics(Context ctx) throws IOException {
        ExpositionFormat format = ContentNegotiation.exposition(ctx.header("Accept"));
        ExpositionBody body = exposition.expose(format);
        HttpServletResponse response = ctx.res();
        response.setContentType(format.contentType());
        response.setHeader("Vary", "Accept-Encoding");
        if (StatusPageFiles.acceptsGzip(ctx.header("Accept-Encoding"))) {
            byte[] gzipped = gzip.gzip(body);
            response.setHeader("Content-Encoding", "gzip");
            response.setContentLength(gzipped.length);
            response.getOutputStream().write(gzipped);
        } else {
            response.setContentLength(body.length());
            response.getOutputStream().write(body.collected());
            response.getOutputStream().write(body.live());
        }
    }

    /** Replaces the readiness checks: those of the parts that joined after the server started are added. */
    void readinessChecks(List<HealthCheck> checks) {
        readinessChecks = List.copyOf(checks);
    }

    void live(Context ctx) {
        ctx.json(Map.of("status", "UP", "version", JavalinHttpServer.VERSION));
    }

    void ready(Context ctx) {
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

    void latest(Context ctx) {
        latestMetrics
                .latest()
                .ifPresentOrElse(
                        snapshot -> ctx.json(JsonViews.snapshot(snapshot)),
                        () -> ApiError.respond(ctx, 503, "no collection has run yet"));
    }
}
