package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import java.util.function.BooleanSupplier;

/**
 * Whether the agent's database half has joined the parts that answer first; set once, when its parts have started.
 * Until then {@code /health/ready} shows {@link #STARTING} DOWN, and the ports of that half answer 503.
 */
final class DatabaseJoin implements BooleanSupplier {
    /** The readiness check shown in the place of the database half's checks until it joins. */
    static final HealthCheck STARTING = HealthCheck.of("database", () -> HealthCheckResult.down("starting: database"));

    private volatile boolean joined;

    @Override
    public boolean getAsBoolean() {
        return joined;
    }

    void joined() {
        joined = true;
    }
}
