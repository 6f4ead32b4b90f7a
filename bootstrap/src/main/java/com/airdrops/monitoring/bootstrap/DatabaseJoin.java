package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.http.JavalinHttpServer;
import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.alerting.EvaluationLoop;
import com.airdrops.monitoring.collection.CollectionLoop;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.airdrops.monitoring.domain.work.Worker;
import com.airdrops.monitoring.domain.work.WorkerStop;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database half's join: builds it, starts its parts, hands its sources, sinks and checks to the parts that answer
 * first, and says whether that is done. Until then {@code /health/ready} shows {@link #STARTING} DOWN, and the ports
 * of that half answer 503.
 */
final class DatabaseJoin implements BooleanSupplier {
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringAgent.class);

    /** The readiness check shown in the place of the database half's checks until it joins. */
    static final HealthCheck STARTING = HealthCheck.of("database", () -> HealthCheckResult.down("starting: database"));

    private volatile boolean joined;

    @Override
    public boolean getAsBoolean() {
        return joined;
    }

    /**
     * Builds the database half (opening the database, restoring the alert state), starts its parts, and hands its
     * sources, sinks and checks to the parts already running. Pushes accepted meanwhile are evaluated once it has.
     */
    void join(Injector injector, Lifecycle lifecycle) {
        // Alerting starts with this half: a component that has not reported yet has its staleness limit from the
        // join (from its start, and again once the database is open), as when the agent started in one piece.
        MetricsCollector collector = injector.getInstance(MetricsCollector.class);
        InstantSource clock = injector.getInstance(InstantSource.class);
        collector.waitFirstReportsFrom(clock.instant());
        List<LifecyclePart> parts;
        Worker watch = waitingNotice(System.nanoTime());
        watch.start();
        try {
            parts = injector.getInstance(Key.get(new TypeLiteral<List<LifecyclePart>>() {}, DatabaseHalf.class));
        } catch (RuntimeException e) {
            lifecycle.stop();
            throw e;
        } finally {
            watch.close();
        }
        collector.waitFirstReportsFrom(clock.instant());
        lifecycle.join(parts);
        List<MetricsSource> sources = List.copyOf(
                injector.getInstance(Key.get(new TypeLiteral<Set<MetricsSource>>() {}, DatabaseHalf.class)));
        collector.addSources(sources);
        injector.getInstance(MicrometerMetricsPublisher.class).addLiveSources(sources);
        injector.getInstance(CollectionLoop.class)
                .addSinks(List.copyOf(
                        injector.getInstance(Key.get(new TypeLiteral<Set<MetricsSink>>() {}, DatabaseHalf.class))));
        List<HealthCheck> checks =
                new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {})));
        checks.addAll(injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {}, DatabaseHalf.class)));
        awaitFirstEvaluation(injector);
        injector.getInstance(JavalinHttpServer.class).readinessChecks(checks);
        joined = true;
    }

    /**
     * Says every {@link #WAIT_NOTICE} that the database is still being opened (an unreachable server, a lock, a long
     * migration), so a log never falls silent between "Answering on" and the start's end; stopped once it is open.
     */
    private static Worker waitingNotice(long started) {
        return new Worker("database-join-watch", Duration.ofSeconds(1), WorkerStop.INTERRUPT, self -> {
            self.park(WAIT_NOTICE);
            if (!self.running()) {
                return;
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            if (Database.migrating()) {
                LOG.warn(
                        "Still migrating the database schema after {} s (/health/ready DOWN, the alert API answers"
                                + " 503 until it is done; a migration statement may take up to 5 minutes)",
                        seconds);
            } else {
                LOG.warn(
                        "Still opening the database after {} s (/health/ready DOWN, the alert API answers 503 until"
                                + " it is open; the start gives up after the database timeout,"
                                + " MONITORING_DB_TIMEOUT_SECONDS)",
                        seconds);
            }
        });
    }

    private static final Duration WAIT_NOTICE = Duration.ofSeconds(10);

    /**
     * The alerts shown once the database half has joined are judged on what was collected and pushed meanwhile: the
     * evaluation's first pass, at once when it starts, is waited for (a few hundred milliseconds, at most 5 s).
     */
    private static void awaitFirstEvaluation(Injector injector) {
        try {
            if (!injector.getInstance(EvaluationLoop.class).awaitFirstRound(FIRST_EVALUATION_WAIT)) {
                LOG.warn(
                        "The first evaluation pass took over {} s; the API answers meanwhile",
                        FIRST_EVALUATION_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Duration FIRST_EVALUATION_WAIT = Duration.ofSeconds(5);
}
