package com.airdrops.monitoring.domain.port.driving;

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
}
