package com.airdrops.monitoring.domain.port.driving;

import java.nio.charset.StandardCharsets;

/** Renders the current metrics in a Prometheus wire format. Thread-safe. */
public interface MetricsExposition {
    /** The exposition in {@code format}, in the parts an HTTP answer writes without joining them. */
    ExpositionBody expose(ExpositionFormat format);

    /** The same exposition as one string. */
    default String scrape(ExpositionFormat format) {
        return new String(expose(format).toByteArray(), StandardCharsets.UTF_8);
    }
}
