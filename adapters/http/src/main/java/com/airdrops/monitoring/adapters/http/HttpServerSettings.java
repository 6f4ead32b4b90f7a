package com.airdrops.monitoring.adapters.http;

import java.util.Optional;

/**
 * Where the HTTP server listens, how large a request body may be, and the bearer token of the mutating endpoints
 * (empty: they answer 403). Port 0 picks a free port. {@link #toString()} redacts the token.
 */
public record HttpServerSettings(String host, int port, long maxRequestBytes, Optional<String> apiToken) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

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
        apiToken = apiToken == null ? Optional.empty() : apiToken.filter(token -> !token.isBlank());
    }

    public HttpServerSettings(String host, int port) {
        this(host, port, DEFAULT_MAX_REQUEST_BYTES, Optional.empty());
    }

    @Override
    public String toString() {
        return "HttpServerSettings[host=" + host + ", port=" + port + ", maxRequestBytes=" + maxRequestBytes
                + ", apiToken=" + apiToken.map(token -> "***").orElse("<unset>") + "]";
    }
}
