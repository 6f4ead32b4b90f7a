package com.airdrops.monitoring.domain.port.driving;

/** One readiness check (collection has run, the database answers, ...). */
public interface HealthCheck {
    String name();

    HealthCheckResult check();
}
