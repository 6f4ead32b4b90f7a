package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.config.ReadTokenScope;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the HTTP server listens, how large a request body may be and how long it may take to arrive, the bearer
 * token of the mutating endpoints (empty: they answer 403), and the optional token the read endpoints then require
 * (with {@link ReadTokenScope#ALL}: /metrics and health too). Port 0 picks a free port. {@link #toString()} redacts
 * the tokens.
 */
public record HttpServerSettings(
        String host,
        int port,
        long maxRequestBytes,
        Optional<String> apiToken,
        Duration requestBodyTimeout,
        Optional<String> readToken,
        ReadTokenScope readTokenScope) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    /** 1 MiB in 10 s is 100 KiB/s: any bot pushes faster, and a sender this slow is holding a connection hostage. */
    public static final Duration DEFAULT_REQUEST_BODY_TIMEOUT = Duration.ofSeconds(10);

    public HttpServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be > 0, got " + maxRequestBytes);
        }
        if (requestBodyTimeout == null || requestBodyTimeout.isNegative() || requestBodyTimeout.isZero()) {
            throw new IllegalArgumentException("requestBodyTimeout must be > 0, got " + requestBodyTimeout);
        }
        apiToken = apiToken == null ? Optional.empty() : apiToken.filter(token -> !token.isBlank());
        readToken = readToken == null ? Optional.empty() : readToken.filter(token -> !token.isBlank());
        readTokenScope = readTokenScope == null ? ReadTokenScope.API : readTokenScope;
    }

    public HttpServerSettings(
            String host, int port, long maxRequestBytes, Optional<String> apiToken, Duration requestBodyTimeout) {
        this(host, port, maxRequestBytes, apiToken, requestBodyTimeout, Optional.empty(), ReadTokenScope.API);
    }

    public HttpServerSettings(String host, int port, long maxRequestBytes, Optional<String> apiToken) {
        this(host, port, maxRequestBytes, apiToken, DEFAULT_REQUEST_BODY_TIMEOUT);
    }

    public HttpServerSettings(String host, int port) {
        this(host, port, DEFAULT_MAX_REQUEST_BYTES, Optional.empty());
    }

    @Override
    public String toString() {
        return "HttpServerSettings[host=" + host + ", port=" + port + ", maxRequestBytes=" + maxRequestBytes
                + ", apiToken=" + apiToken.map(token -> "***").orElse("<unset>") + ", requestBodyTimeout="
                + requestBodyTimeout + ", readToken="
                + readToken.map(token -> "***").orElse("<unset>")
                + ", readTokenScope=" + readTokenScope + "]";
    }
}
