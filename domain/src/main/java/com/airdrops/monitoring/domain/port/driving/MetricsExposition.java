package com.airdrops.monitoring.domain.port.driving;

/** Renders the current metrics in a Prometheus wire format. Thread-safe. */
public interface MetricsExposition {
    String scrape(ExpositionFormat format);
}
