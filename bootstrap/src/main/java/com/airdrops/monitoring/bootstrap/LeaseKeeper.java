package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.config.EnvironmentSettings;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this agent's claim on its instance's leader lease: renews it every third of its duration, takes it over when
 * the other agent of the instance let it expire (it died, hung or lost the database), and logs every change of role.
 * A standby collects and serves /metrics; only the leader evaluates, writes and notifies. Thread-safe.
 */
final class LeaseKeeper implements Leadership, MetricsSource, HealthCheck, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Database database;
    private final String instance;
    private final Duration every;
    private final InstantSource clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean unreachable;
    private volatile boolean leading;

    LeaseKeeper(Database database, String instance, Duration ttl, InstantSource clock) {
        this.database = database;
        this.instance = instance;
        this.every = ttl.dividedBy(3);
        this.clock = clock;
        this.leading = database.leading();
        this.thread = Thread.ofPlatform().name("leader-lease").daemon(true).unstarted(this::run);
    }

    /** The same name across restarts of one agent (host and home), different for the other agent of a pair. */
    static String holderName(MonitoringSettings settings) {
        String name = EnvironmentSettings.hostName() + ":" + settings.home();
        return name.length() > 512 ? name.substring(name.length() - 512) : name;
    }

    void start() {
        LOG.info(
                leading
                        ? "Leading instance {} (lease epoch " + database.leaseEpoch() + ")"
                        : "Standing by for instance {}: another agent holds its lease",
                instance);
        thread.start();
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(every.toNanos());
            if (!running) {
                return;
            }
            boolean now;
            try {
                now = database.renewLease(clock.instant());
                unreachable = false;
            } catch (PersistenceException e) {
                // The database cannot be reached: the lease runs out, and writes are fenced anyway.
                now = database.leading();
                unreachable = true;
                LOG.debug("Renewing the leader lease failed: {}", e.getMessage());
            }
            if (now != leading) {
                leading = now;
                if (now) {
                    LOG.warn("Took over as leader of instance {} (lease epoch {})", instance, database.leaseEpoch());
                } else {
                    LOG.warn("No longer the leader of instance {}: {}; standing by", instance, standbyReason());
                }
            }
        }
    }

    @Override
    public boolean leading() {
        return leading && database.leading();
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(Sample.of(MetricCatalog.HA_LEADER, leading() ? 1 : 0, now));
    }

    @Override
    public String name() {
        return "leadership";
    }

    /** Why this agent does not lead: the database, when the last renewal could not reach it, else another agent. */
    private String standbyReason() {
        return unreachable
                ? "the lease cannot be renewed while the database is unreachable (its alerts are not shown until it leads again)"
                : "another agent leads";
    }

    /** Both roles are ready: a standby serves its metrics and waits to take over. */
    @Override
    public HealthCheckResult check() {
        return HealthCheckResult.up(
                leading()
                        ? "leader of instance " + instance + " (lease epoch " + database.leaseEpoch() + ")"
                        : "standby for instance " + instance + ": " + standbyReason());
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
