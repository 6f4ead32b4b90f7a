package com.airdrops.monitoring.domain.port;

/** Wire formats of {@code /metrics}. */
public enum ExpositionFormat {
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** OpenMetrics when the scraper's Accept header asks for it, the Prometheus text format otherwise. */
    public static ExpositionFormat negotiate(String acceptHeader) {
        if (acceptHeader != null && acceptHeader.contains("application/openmetrics-text")) {
            return OPENMETRICS;
        }
        return PROMETHEUS_TEXT;
    }
}
