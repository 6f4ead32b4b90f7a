package com.airdrops.monitoring.domain.model.metric;

import java.util.List;
import java.util.Optional;

/** The names a component's own gauges may not take: the agent's, Prometheus', and those the exposition would bend. */
public final class ReservedNames {
    private ReservedNames() {}

    /** Series Prometheus adds to every scrape: a component's gauge of that name would pose as the target's health. */
    private static final List<String> PROMETHEUS_NAMES = List.of(
            "up",
            "scrape_duration_seconds",
            "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling",
            "scrape_series_added");

    /** The prefixes of the JVM and process metrics the agent exposes about itself. */
    private static final List<String> RUNTIME_PREFIXES = List.of("jvm_", "process_");

    /** Suffixes the Prometheus exposition adds to series names: a gauge named with one would clash or mislead. */
    private static final List<String> EXPOSITION_SUFFIXES =
            List.of("_total", "_count", "_sum", "_bucket", "_max", "_created", "_info");

    /**
     * Why an extra gauge a component reports may not be named {@code name}, or empty when it may: the agent's own
     * names, and any name that becomes or collides with one once the exposition adds or drops its suffixes
     * ({@code component_errors} against {@code component_errors_total}, {@code x_total} against {@code x}).
     */
    public static Optional<String> reservedReason(String name) {
        if (MetricCatalog.known(name).isPresent()
                || MetricCatalog.known(name + "_total").isPresent()) {
            return Optional.of("'" + name + "' is a metric of the agent itself; choose another name");
        }
        if (PROMETHEUS_NAMES.contains(name)) {
            return Optional.of(
                    "'" + name + "' is a series Prometheus writes itself for every target; choose another " + "name");
        }
        for (String prefix : RUNTIME_PREFIXES) {
            if (name.startsWith(prefix)) {
                return Optional.of("'" + name + "' starts with '" + prefix + "', which the agent's own JVM and process "
                        + "metrics use; choose another name");
            }
        }
        for (String suffix : EXPOSITION_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Optional.of("'" + name + "' ends with '" + suffix + "', a suffix the Prometheus exposition "
                        + "reserves for counters and histograms; a gauge must not use it");
            }
        }
        return Optional.empty();
    }
}
