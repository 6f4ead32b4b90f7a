package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;

/**
 * Readiness of collection: ready once a collection cycle has produced a snapshot. A part of the host that cannot be
 * read (the disk's path removed, say) is named in the detail; it does not make the agent unready, as its other series
 * and the alerting on them stand.
 */
public final class CollectionHealthCheck implements HealthCheck {
    private final MetricsCollector collector;

    public CollectionHealthCheck(MetricsCollector collector) {
        this.collector = collector;
    }

    @Override
    public String name() {
        return "collection";
    }

    @Override
    public HealthCheckResult check() {
        return collector
                .latest()
                .map(snapshot -> {
                    StringBuilder detail = new StringBuilder("last collection at " + snapshot.timestamp());
                    collector
                            .readFailures()
                            .forEach(failure -> detail.append("; ").append(failure));
                    return HealthCheckResult.up(detail.toString());
                })
                .orElseGet(() -> HealthCheckResult.down("no collection has run yet"));
    }
}
