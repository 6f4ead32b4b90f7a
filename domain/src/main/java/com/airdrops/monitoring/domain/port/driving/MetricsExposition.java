package com.airdrops.monitoring.domain.port.driving;

import java.nio.charset.StandardCharsets;

/** Renders the current metrics in a Prometheus wire format. Thread-safe. */
public interface MetricsExposition {
    String scrape(ExpositionFormat format);

    /** The same exposition as UTF-8 bytes, as the HTTP answer carries it; an implementation may build it cheaper. */
    default byte[] scrapeBytes(ExpositionFormat format) {
        return scrape(format).getBytes(StandardCharsets.UTF_8);
    }
}
