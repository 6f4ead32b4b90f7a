package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;

/** Readiness of collection: ready once a collection cycle has produced a snapshot. */
public final class CollectionHealthCheck implements HealthCheck {
    private final LatestMetrics latest;

    public CollectionHealthCheck(LatestMetrics latest) {
        this.latest = latest;
    }

    @Override
    public String name() {
        return "collection";
    }

    @Override
    public HealthCheckResult check() {
        return latest.latest()
                .map(snapshot -> HealthCheckResult.up("last collection at " + snapshot.timestamp()))
                .orElseGet(() -> HealthCheckResult.down("no collection has run yet"));
    }
}
