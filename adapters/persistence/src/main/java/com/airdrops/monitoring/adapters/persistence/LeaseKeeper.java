package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.lease.Isolated;
import com.airdrops.monitoring.domain.model.lease.Leading;
import com.airdrops.monitoring.domain.model.lease.LeaseState;
import com.airdrops.monitoring.domain.model.lease.Standby;
import com.airdrops.monitoring.domain.model.lease.Unreachable;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.airdrops.monitoring.domain.work.Worker;
import com.airdrops.monitoring.domain.work.WorkerStop;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this agent's claim on its instance's leader lease: renews it every third of its duration, takes it over when
 * the other agent of the instance let it expire (it died, hung or lost the database), and logs every change of role.
 * A standby collects and serves /metrics; only the leader evaluates, writes and notifies. A leader that loses the
 * database goes on leading from memory (see {@link Isolated}) and says once a minute that it is still cut
 * off. Thread-safe.
 */
public final class LeaseKeeper implements Leadership, MetricsSource, HealthCheck, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Database database;
    private final String instance;
    private final Duration every;
    private final InstantSource clock;
    private final Worker worker;
    /** As this keeper's last renewal found it; a write that finds itself fenced changes the database's own. */
    private volatile LeaseState renewed;

    private Instant lastOutageReport = Instant.MIN;
    private static final Duration OUTAGE_REPORT_EVERY = Duration.ofMinutes(1);

    public LeaseKeeper(Database database, String instance, Duration ttl, InstantSource clock) {
        this.database = database;
        this.instance = instance;
        this.every = ttl.dividedBy(3);
        this.clock = clock;
        this.renewed = database.leaseState();
        this.worker = new Worker("leader-lease", Duration.ofSeconds(5), WorkerStop.WAKE, self -> {
            self.park(every);
            if (self.running()) {
                renew();
            }
        });
    }

    public void start() {
        LOG.info(
                switch (renewed) {
                    case Leading leading -> "Leading instance {} (lease epoch " + leading.epoch() + ")";
                    case Isolated isolated ->
                        "Leading instance {} from memory: the database could not be reached to renew its lease";
                    case Standby standby -> "Standing by for instance {}: another agent holds its lease";
                    case Unreachable unreachable ->
                        "Standing by for instance {}: the database could not be reached to take its lease";
                },
                instance);
        sayUncleanPreviousRun();
        worker.start();
    }

    /** After the lease was taken back from a previous run of this agent that never released it: says so, once. */
    private void sayUncleanPreviousRun() {
        database.takeUncleanPreviousRun()
                .ifPresent(renewed -> LOG.warn(
                        "The previous run of this agent did not stop cleanly (killed, crashed, or its machine stopped):"
                                + " it last renewed its lease at {}; the notifications it had claimed and not marked"
                                + " as delivered are sent now (perhaps again)",
                        renewed));
    }

    private void renew() {
        LeaseState before = renewed;
        LeaseState now;
        try {
            now = database.renewLease(clock.instant());
        } catch (PersistenceException e) {
            // The database cannot be reached: a leader goes on from memory, a standby waits.
            now = database.leaseState();
            reportOutage(now, e.getMessage());
        }
        renewed = now;
        logChange(before, now);
    }

    private void logChange(LeaseState before, LeaseState now) {
        if (now instanceof Isolated && before instanceof Leading) {
            LOG.error(
                    "The database cannot be reached: still leading instance {} from memory (alerts are evaluated and "
                            + "notified; transitions and notifications are written once it is back)",
                    instance);
        } else if (now instanceof Leading leading && before instanceof Isolated isolated) {
            LOG.warn(
                    "The database is reachable again after {} s: lease of instance {} renewed (epoch {})",
                    Duration.between(isolated.since(), clock.instant()).toSeconds(),
                    instance,
                    leading.epoch());
        } else if (now.leads() != before.leads()) {
            if (now instanceof Leading leading) {
                LOG.warn("Took over as leader of instance {} (lease epoch {})", instance, leading.epoch());
                sayUncleanPreviousRun();
            } else {
                LOG.warn("No longer the leader of instance {}: {}; standing by", instance, standbyReason(now));
            }
        }
    }

    /** While the database stays unreachable, says so once a minute: the first line is not the only one. */
    private void reportOutage(LeaseState state, String reason) {
        Instant since = switch (state) {
            case Isolated isolated -> isolated.since();
            case Unreachable unreachable -> unreachable.since();
            case Leading leading -> clock.instant();
            case Standby standby -> clock.instant();
        };
        Instant now = clock.instant();
        if (Duration.between(since, now).compareTo(OUTAGE_REPORT_EVERY) >= 0
                && !now.isBefore(lastOutageReport.plus(OUTAGE_REPORT_EVERY))) {
            lastOutageReport = now;
            LOG.warn(
                    "The database is still unreachable after {} s ({}): {}",
                    Duration.between(since, now).toSeconds(),
                    reason,
                    state.leads() ? "leading from memory" : "standing by");
        }
    }

    /** The last renewal's finding, unless a write found this agent deposed since (the database's is then newer). */
    @Override
    public LeaseState state() {
        LeaseState held = renewed;
        return held.leads() ? database.leaseState() : held;
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(Sample.of(MetricCatalog.HA_LEADER, state().leads() ? 1 : 0, now));
    }

    @Override
    public String name() {
        return "leadership";
    }

    /** Why this agent does not lead: the database, when the last renewal could not reach it, else another agent. */
    private static String standbyReason(LeaseState state) {
        return state instanceof Unreachable
                ? "the lease cannot be renewed while the database is unreachable (its alerts are not shown until it leads again)"
                : "another agent leads";
    }

    /** Both roles are ready: a standby serves its metrics and waits to take over. */
    @Override
    public HealthCheckResult check() {
        return HealthCheckResult.up(
                switch (state()) {
                    case Leading leading -> "leader of instance " + instance + " (lease epoch " + leading.epoch() + ")";
                    case Isolated isolated ->
                        "leader of instance " + instance + " (lease epoch " + isolated.epoch()
                                + ") from memory: the database is unreachable since " + isolated.since()
                                + "; transitions and notifications are written once it is back";
                    case Standby standby -> "standby for instance " + instance + ": " + standbyReason(standby);
                    case Unreachable unreachable ->
                        "standby for instance " + instance + ": " + standbyReason(unreachable);
                });
    }

    @Override
    public void close() {
        worker.close();
    }
}
