package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the API's refusals (every 4xx answer) by endpoint and status, and logs them: the first of a kind at once,
 * then at most one line a minute per kind with how many came since, so a bot pushing with a wrong token or a broken
 * body shows in the agent's log without flooding it. Thread-safe.
 */
public final class RefusedRequests implements MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedRequests.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /** The endpoints a label may name; anything else is "other", so the label stays bounded. */
    private static final List<String> ENDPOINTS = List.of(
            "/api/v1/components",
            "/api/v1/alerts",
            "/api/v1/reload",
            "/api/v1/rules",
            "/api/v1/notifications",
            "/api/v1/channels",
            "/api/v1/aggregates",
            "/api/v1/metrics",
            "/metrics",
            "/health");

    private final InstantSource clock;
    private final Map<RefusalKind, RefusalTally> tallies = new ConcurrentHashMap<>();

    public RefusedRequests(InstantSource clock) {
        this.clock = clock;
    }

    /** Records a refusal of a request to {@code path} with {@code status} and the reason given to the client. */
    void record(String path, int status, String reason) {
        RefusalKind kind = new RefusalKind(endpoint(path), status);
        RefusalTally tally = tallies.computeIfAbsent(kind, key -> new RefusalTally());
        tally.count.incrementAndGet();
        Instant now = clock.instant();
        synchronized (tally) {
            if (tally.lastLogged == null || !now.isBefore(tally.lastLogged.plus(LOG_EVERY))) {
                long since = tally.count.get() - tally.countAtLastLog;
                LOG.warn(
                        "Refused {} {} with {}: {}{}",
                        kind.endpoint(),
                        path,
                        status,
                        reason,
                        tally.lastLogged == null ? "" : " (" + since + " such refusals in the last minute or more)");
                tally.lastLogged = now;
                tally.countAtLastLog = tally.count.get();
            }
        }
    }

    @Override
    public List<Sample> samples(Instant now) {
        List<Sample> samples = new ArrayList<>();
        tallies.forEach((kind, tally) -> samples.add(new Sample(
                MetricCatalog.HTTP_REFUSED,
                Map.of("endpoint", kind.endpoint(), "status", String.valueOf(kind.status())),
                tally.count.get(),
                now)));
        return samples;
    }

    static String endpoint(String path) {
        if (path == null) {
            return "other";
        }
        for (String endpoint : ENDPOINTS) {
            if (path.equals(endpoint) || path.startsWith(endpoint + "/")) {
                return endpoint;
            }
        }
        return "other";
    }
}
