package com.airdrops.monitoring.domain.port.driving;

import java.util.function.Supplier;

/** One readiness check (collection has run, the database answers, ...). */
public interface HealthCheck {
    String name();

    HealthCheckResult check();

    /** A check named {@code name} that answers with {@code check}. */
    static HealthCheck of(String name, Supplier<HealthCheckResult> check) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheckResult check() {
                return check.get();
            }
        };
    }
}
