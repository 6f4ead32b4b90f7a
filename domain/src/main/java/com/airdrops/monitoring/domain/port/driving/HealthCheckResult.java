package com.airdrops.monitoring.domain.port.driving;

/** Outcome of a {@link HealthCheck}. */
public sealed interface HealthCheckResult {
    record Up(String detail) implements HealthCheckResult {}

    record Down(String reason) implements HealthCheckResult {}

    static HealthCheckResult up(String detail) {
        return new Up(detail);
    }

    static HealthCheckResult down(String reason) {
        return new Down(reason);
    }
}
