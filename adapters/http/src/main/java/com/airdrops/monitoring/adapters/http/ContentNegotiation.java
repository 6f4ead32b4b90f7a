package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;

/** Picks the exposition format from a scraper's {@code Accept} header. */
final class ContentNegotiation {
    private ContentNegotiation() {}

    /** OpenMetrics when the scraper's Accept header asks for it, the Prometheus text format otherwise. */
    static ExpositionFormat exposition(String acceptHeader) {
        if (acceptHeader != null && acceptHeader.contains("application/openmetrics-text")) {
            return ExpositionFormat.OPENMETRICS;
        }
        return ExpositionFormat.PROMETHEUS_TEXT;
    }
}
