package com.airdrops.monitoring.adapters.http;

/** Where the HTTP server listens and how large a request body may be. Port 0 picks a free port. */
public record HttpServerSettings(String host, int port, long maxRequestBytes) {
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
    }

    public HttpServerSettings(String host, int port) {
        this(host, port, DEFAULT_MAX_REQUEST_BYTES);
    }
}
