package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.http.JavalinHttpServer;
import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.collection.CollectionLoop;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.port.driving.AggregatedMetricsQuery;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.port.driving.ReloadOutcome;
import com.airdrops.monitoring.domain.port.driving.SilenceAdmin;
import com.airdrops.monitoring.domain.spi.AlertListener;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: wires the modules, starts HTTP and the collection loop, and stops them in reverse order. */
public final class MonitoringAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringAgent.class);

    static {
        // We use no method interception; without bytecode generation Guice never touches sun.misc.Unsafe,
        // which JDK 24+ warns about on every start.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

    private final MonitoringSettings settings;
    private final Injector injector;
    private final DatabaseJoin join;
    private final InstantSource clock;
    private final JavalinHttpServer httpServer;
    private final CollectionLoop collectionLoop;
    private final Lifecycle lifecycle;
    private final MicrometerMetricsPublisher exposition;
    private final LatestMetrics latest;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object stopping = new Object();
    /** When {@link #create} began. */
    private final long createdAtNanos;

    private MonitoringAgent(MonitoringSettings settings, Injector injector, DatabaseJoin join, long createdAtNanos) {
        this.settings = settings;
        this.injector = injector;
        this.join = join;
        this.createdAtNanos = createdAtNanos;
        this.clock = injector.getInstance(InstantSource.class);
        this.httpServer = injector.getInstance(JavalinHttpServer.class);
        this.collectionLoop = injector.getInstance(CollectionLoop.class);
        this.exposition = injector.getInstance(MicrometerMetricsPublisher.class);
        this.latest = injector.getInstance(LatestMetrics.class);
        this.lifecycle = injector.getInstance(Lifecycle.class);
    }

    /** Starts an agent embedded in a Java application: set what differs from the defaults, then {@link AgentBuilder#start()}. */
    public static AgentBuilder builder() {
        return new AgentBuilder();
    }

    /** Builds and starts the agent with the production modules. */
    public static MonitoringAgent start(AgentConfiguration configuration) {
        return start(configuration, List.of());
    }

    /**
     * Builds and starts the agent; {@code extraModules} may add sinks, checks or in-process component registrations
     * (tests, embedding in a Java bot).
     */
    public static MonitoringAgent start(AgentConfiguration configuration, List<Module> extraModules) {
        MonitoringAgent agent = create(configuration, extraModules);
        agent.startServices();
        return agent;
    }

    /**
     * Builds the parts of the agent that answer first, without starting anything or opening the database, so that a
     * caller can register {@link #close()} as a shutdown hook before {@link #startServices()}: a SIGTERM during
     * start-up then still stops the agent cleanly.
     */
    public static MonitoringAgent create(AgentConfiguration configuration, List<Module> extraModules) {
        return create(configuration, extraModules, Clock.systemUTC());
    }

    /** As above, on {@code clock}: what every timestamp, staleness and alert timer of the agent reads. */
    static MonitoringAgent create(AgentConfiguration configuration, List<Module> extraModules, InstantSource clock) {
        long createdAt = System.nanoTime();
        DatabaseJoin join = new DatabaseJoin();
        List<Module> modules = new ArrayList<>(List.of(
                new CoreModule(configuration.settings(), clock),
                new OshiModule(configuration.settings().collection()),
                new PrometheusModule(),
                new ComponentsModule(configuration),
                new CollectionModule(configuration.settings().collection(), join),
                new AggregationModule(configuration.settings().aggregation()),
                PersistenceModule.of(configuration.settings()),
                new AlertingModule(configuration),
                new NotifyModule(configuration),
                new HttpModule(configuration.settings().http(), join),
                new LifecycleModule()));
        modules.addAll(extraModules);
        StartupSummary.lines(configuration).forEach(LOG::info);
        return new MonitoringAgent(configuration.settings(), Guice.createInjector(modules), join, createdAt);
    }

    /**
     * Starts the agent in two halves: first collection and the HTTP server, which answers at once ({@code /health/ready}
     * DOWN "starting: database"); then the database half (the store, the alert state, the lease, evaluation and
     * delivery), which joins them when the database is open. Returns once both run; on failure stops what it started
     * and throws.
     */
    public synchronized void startServices() {
        lifecycle.start();
        long answeringAt = System.nanoTime();
        LOG.info(StartupSummary.answering(settings.http().host(), port(), answeringAt - createdAtNanos));
        join.join(injector, lifecycle);
        long now = System.nanoTime();
        // The phases of a start, so that a slow one shows in the log (BENCHMARKS.md measures them from outside).
        LOG.info(StartupSummary.started(
                now - createdAtNanos,
                answeringAt - createdAtNanos,
                now - answeringAt,
                ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L,
                settings.http().host(),
                port()));
    }

    public int port() {
        return httpServer.port();
    }

    public MonitoringSettings settings() {
        return settings;
    }

    /** The most recent collection, empty before the first. */
    public Optional<MetricsSnapshot> latestSnapshot() {
        return latest.latest();
    }

    /**
     * Runs a collection now, as the collection loop does (its snapshot goes to {@code /metrics}, the aggregates and
     * the rules), and returns it: the in-process components registered with the builder are read at once. Empty
     * when the collection failed or took longer than the collection interval and 5 s more (logged).
     */
    public Optional<MetricsSnapshot> collectAllMetrics() {
        return collectionLoop.collectNow(settings.collection().interval().plusSeconds(5));
    }

    /** Aggregates of closed windows with {@code start <= timestamp <= end} whose name contains {@code name}. */
    public List<AggregatedMetric> aggregates(Instant start, Instant end, String name, int limit) {
        return injector.getInstance(AggregatedMetricsQuery.class).getAggregatedMetrics(start, end, name, limit);
    }

    /** Every aggregate of the last hour (at most 10,000), as {@code GET /api/v1/aggregates} without parameters. */
    public List<AggregatedMetric> aggregates() {
        return aggregates("");
    }

    /** The aggregates of the last hour whose name contains {@code name}. */
    public List<AggregatedMetric> aggregates(String name) {
        Instant now = clock.instant();
        return aggregates(now.minus(Duration.ofHours(1)), now, name, DEFAULT_AGGREGATES_LIMIT);
    }

    /** Pending and firing alerts. */
    public List<Alert> activeAlerts() {
        return alerter().getActiveAlerts();
    }

    /** This agent's transitions of the last 6 hours, newest first. */
    public List<Alert> alertHistory() {
        return alertHistory(DEFAULT_HISTORY_HOURS);
    }

    public List<Alert> alertHistory(double hours) {
        return alerter().getAlertHistory(hours);
    }

    public List<AlertRule> rules() {
        return alerter().rules();
    }

    public SilenceAdmin silences() {
        return injector.getInstance(SilenceAdmin.class);
    }

    public AlertAcknowledger acknowledgements() {
        return alerter();
    }

    /** Re-reads the configuration files, as {@code POST /api/v1/reload}. */
    public ReloadOutcome reload() {
        return injector.getInstance(ConfigReloader.class).reload();
    }

    /** {@code /metrics} as text, in Prometheus' format. */
    public String exportPrometheusFormat() {
        return exposition.scrape(ExpositionFormat.PROMETHEUS_TEXT);
    }

    /** Registers {@code listener} for every transition stored from now on; see {@link AlertListener}. */
    public void addAlertListener(AlertListener listener) {
        alerter().listeners().add(listener);
    }

    /** The alerter of the database half: built when it joins (or here, by an embedder that never started it). */
    private Alerter alerter() {
        return injector.getInstance(Alerter.class);
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops everything started, also during {@link #startServices()}: a start-up still opening the database is cut
     * short (the database half, once open, is closed instead of joining, and the start throws). Safe to call more than
     * once.
     */
    @Override
    public void close() {
        synchronized (stopping) { // not this: startServices() holds it while it waits for the database
            if (stopped.getCount() == 0) {
                return;
            }
            LOG.info("Airdrops Monitoring stopping");
            lifecycle.stop();
            stopped.countDown();
            LOG.info("Airdrops Monitoring stopped");
        }
    }

    static final double DEFAULT_HISTORY_HOURS = 6;
    static final int DEFAULT_AGGREGATES_LIMIT = 10_000;
}
