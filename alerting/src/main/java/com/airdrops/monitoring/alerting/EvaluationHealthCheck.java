package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Readiness of alerting: DOWN when no evaluation pass has completed for {@value #STALL_INTERVALS} intervals, when
 * transitions wait in memory because the database refuses them, or when records were quarantined.
 */
public final class EvaluationHealthCheck implements HealthCheck {
    static final int STALL_INTERVALS = 3;

    private final Alerter alerter;
    private final EvaluationStats stats;
    private final Duration interval;
    private final InstantSource clock;
    private final Instant started;

    public EvaluationHealthCheck(Alerter alerter, EvaluationStats stats, Duration interval, InstantSource clock) {
        this.alerter = alerter;
        this.stats = stats;
        this.interval = interval;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public String name() {
        return "alerting";
    }

    @Override
    public HealthCheckResult check() {
        Instant now = clock.instant();
        Duration stall = interval.multipliedBy(STALL_INTERVALS);
        Instant since = stats.lastCompleted().orElse(started);
        if (Duration.between(since, now).compareTo(stall) > 0) {
            return HealthCheckResult.down("no evaluation pass has completed since " + since + " (" + STALL_INTERVALS
                    + " intervals of " + interval.toMillis() + " ms)");
        }
        int unsaved = alerter.unsavedTransitions();
        if (unsaved > 0) {
            return HealthCheckResult.down(unsaved + " alert transitions wait in memory for the database");
        }
        long quarantined = alerter.quarantined().size();
        if (quarantined > 0) {
            return HealthCheckResult.down(quarantined + " alert records were refused by the database and quarantined "
                    + "(GET /api/v1/alerts/quarantine)");
        }
        if (stats.lease().filter(lease -> !lease.leads()).isPresent()) {
            return HealthCheckResult.up(
                    "standby: this agent does not hold its instance's lease (see the leadership check), so it does not evaluate");
        }
        return HealthCheckResult.up(stats.lastCompleted()
                .map(at -> "last evaluation pass at " + at)
                .orElse("waiting for the first evaluation pass"));
    }
}
