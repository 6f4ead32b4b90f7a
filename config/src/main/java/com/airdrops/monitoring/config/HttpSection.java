package com.airdrops.monitoring.config;

import java.util.Optional;

/** Where the HTTP server listens and who may call it. */
public record HttpSection(
        String host, int port, Optional<String> apiToken, Optional<String> readToken, ReadTokenScope readTokenScope) {
    public HttpSection {
        apiToken = apiToken == null ? Optional.empty() : apiToken;
        readToken = readToken == null ? Optional.empty() : readToken;
    }

    @Override
    public String toString() {
        return "Http[host=" + host + ", port=" + port + ", apiToken=" + Redaction.secret(apiToken) + ", readToken="
                + Redaction.secret(readToken) + ", readTokenScope=" + readTokenScope + "]";
    }
}
