package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.config.ReadTokenScope;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Who may read: with a read token configured, every GET of the JSON API (and of /metrics and health when the settings
 * say so) needs {@code Authorization: Bearer} with the read token or the API token. Thread-safe.
 */
final class ReadAccess {
    private final HttpServerSettings settings;
    private final BearerToken readToken;
    private final BearerToken writeToken;

    ReadAccess(HttpServerSettings settings, BearerToken readToken, BearerToken writeToken) {
        this.settings = settings;
        this.readToken = readToken;
        this.writeToken = writeToken;
    }

    /** Throws a 401 unless the request may read what it asks for. */
    void require(Context ctx) {
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
        return settings.readTokenScope() == ReadTokenScope.ALL
                && (path.equals("/metrics") || path.startsWith("/health/"));
    }
}
