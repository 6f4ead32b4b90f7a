package com.airdrops.monitoring.config;

/** What MONITORING_API_READ_TOKEN guards: the JSON API only, or {@code /metrics} and health too. */
public enum ReadTokenScope {
    /** The JSON API only: Prometheus and probes need no token. */
    API,
    /** The JSON API, {@code /metrics} and {@code /health/*}. */
    ALL
}
