package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.components.InProcessComponentProbes;
import com.airdrops.monitoring.adapters.http.JavalinHttpServer;
import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.persistence.LeaseKeeper;
import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.aggregation.AggregationLoop;
import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.alerting.EvaluationLoop;
import com.airdrops.monitoring.collection.CollectionLoop;
import com.airdrops.monitoring.collection.ComponentRegistration;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.collection.PushRefresh;
import com.airdrops.monitoring.collection.PushedComponentSnapshots;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.port.driving.AggregatedMetricsQuery;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader.ReloadOutcome;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import com.airdrops.monitoring.domain.port.driving.LatestMetrics;
import com.airdrops.monitoring.domain.port.driving.SilenceAdmin;
import com.airdrops.monitoring.domain.spi.AlertListener;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;
import com.airdrops.monitoring.domain.spi.CapitalAllocator;
import com.airdrops.monitoring.domain.spi.CentralScheduler;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ComponentProbeFactory;
import com.airdrops.monitoring.domain.spi.RiskManager;
import com.airdrops.monitoring.notification.DeliveryWorkers;
import com.airdrops.monitoring.notification.OutboxMaintenance;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final JavalinHttpServer httpServer;
    private final MetricsCollector collector;
    private final CollectionLoop collectionLoop;
    private final AggregationLoop aggregationLoop;
    private final EvaluationLoop evaluationLoop;
    private final DeliveryWorkers deliveryWorkers;
    private final OutboxMaintenance outboxMaintenance;
    private final Database database;
    private final MicrometerMetricsPublisher exposition;
    private final PushedComponentSnapshots pushed;
    private final PushRefresh pushRefresh;
    private final LeaseKeeper leaseKeeper;
    private final Alerter alerter;
    private final LatestMetrics latest;
    private final AggregatedMetricsQuery aggregates;
    private final SilenceAdmin silences;
    private final ConfigReloader reloader;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** When {@link #create} began, and how long building the agent took (database, alert state, wiring). */
    private final long createdAtNanos;

    private final long buildNanos;

    private MonitoringAgent(MonitoringSettings settings, Injector injector, long createdAtNanos) {
        this.settings = settings;
        this.createdAtNanos = createdAtNanos;
        this.httpServer = injector.getInstance(JavalinHttpServer.class);
        this.collector = injector.getInstance(MetricsCollector.class);
        this.collectionLoop = injector.getInstance(CollectionLoop.class);
        this.aggregationLoop = injector.getInstance(AggregationLoop.class);
        this.evaluationLoop = injector.getInstance(EvaluationLoop.class);
        this.deliveryWorkers = injector.getInstance(DeliveryWorkers.class);
        this.outboxMaintenance = injector.getInstance(OutboxMaintenance.class);
        this.database = injector.getInstance(Database.class);
        this.exposition = injector.getInstance(MicrometerMetricsPublisher.class);
        this.pushed = injector.getInstance(PushedComponentSnapshots.class);
        this.leaseKeeper = injector.getInstance(LeaseKeeper.class);
        this.pushRefresh = injector.getInstance(PushRefresh.class);
        this.alerter = injector.getInstance(Alerter.class);
        this.latest = injector.getInstance(LatestMetrics.class);
        this.aggregates = injector.getInstance(AggregatedMetricsQuery.class);
        this.silences = injector.getInstance(SilenceAdmin.class);
        this.reloader = injector.getInstance(ConfigReloader.class);
        this.buildNanos = System.nanoTime() - createdAtNanos;
    }

    /** Starts an agent embedded in a Java application: set what differs from the defaults, then {@link Builder#start()}. */
    public static Builder builder() {
        return new Builder();
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
     * Builds the agent (opening the database) without starting anything, so that a caller can register
     * {@link #close()} as a shutdown hook before {@link #startServices()}: a SIGTERM during start-up then still
     * stops the agent cleanly.
     */
    public static MonitoringAgent create(AgentConfiguration configuration, List<Module> extraModules) {
        long createdAt = System.nanoTime();
        List<Module> modules = new ArrayList<>(List.of(
                new CoreModule(configuration.settings()),
                new OshiModule(),
                new PrometheusModule(),
                new ComponentsModule(configuration),
                new CollectionModule(),
                new AggregationModule(),
                new PersistenceModule(),
                new AlertingModule(configuration),
                new NotifyModule(configuration),
                new HttpModule()));
        modules.addAll(extraModules);
        StartupSummary.lines(configuration).forEach(LOG::info);
        return new MonitoringAgent(configuration.settings(), Guice.createInjector(modules), createdAt);
    }

    /** Starts the loops, the delivery workers and the HTTP server; on failure stops what it started and throws. */
    public synchronized void startServices() {
        long startedAt = System.nanoTime();
        leaseKeeper.start();
        aggregationLoop.start();
        collectionLoop.start();
        evaluationLoop.start();
        deliveryWorkers.start();
        outboxMaintenance.start();
        pushed.onAccepted(pushRefresh::pushed);
        try {
            httpServer.start();
        } catch (RuntimeException e) {
            stopWorkers();
            throw e;
        }
        long now = System.nanoTime();
        // The phases of a start, so that a slow one shows in the log (BENCHMARKS.md measures them from outside).
        LOG.info(
                "Airdrops Monitoring started in {} s (database, alert state and wiring {} s, loops and HTTP server {} s;"
                        + " the JVM has run {} s): listening on {}:{}, metrics at http://{}:{}/metrics",
                seconds(now - createdAtNanos),
                seconds(buildNanos),
                seconds(now - startedAt),
                seconds(ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L),
                listenHost(settings.httpHost()),
                port(),
                displayHost(settings.httpHost()),
                port());
    }

    /** The address as bound, an IPv6 one in brackets so that the port stays readable. */
    static String listenHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
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
        return collectionLoop.collectNow(settings.collectionInterval().plusSeconds(5));
    }

    /** Aggregates of closed windows with {@code start <= timestamp <= end} whose name contains {@code name}. */
    public List<AggregatedMetric> aggregates(Instant start, Instant end, String name, int limit) {
        return aggregates.getAggregatedMetrics(start, end, name, limit);
    }

    /** Every aggregate of the last hour (at most 10,000), as {@code GET /api/v1/aggregates} without parameters. */
    public List<AggregatedMetric> aggregates() {
        return aggregates(Instant.now().minus(Duration.ofHours(1)), Instant.now(), "", DEFAULT_AGGREGATES_LIMIT);
    }

    /** The aggregates of the last hour whose name contains {@code name}. */
    public List<AggregatedMetric> aggregates(String name) {
        return aggregates(Instant.now().minus(Duration.ofHours(1)), Instant.now(), name, DEFAULT_AGGREGATES_LIMIT);
    }

    /** Pending and firing alerts. */
    public List<Alert> activeAlerts() {
        return alerter.getActiveAlerts();
    }

    /** This agent's transitions of the last 6 hours, newest first. */
    public List<Alert> alertHistory() {
        return alertHistory(DEFAULT_HISTORY_HOURS);
    }

    public List<Alert> alertHistory(double hours) {
        return alerter.getAlertHistory(hours);
    }

    public List<AlertRule> rules() {
        return alerter.rules();
    }

    public SilenceAdmin silences() {
        return silences;
    }

    public AlertAcknowledger acknowledgements() {
        return alerter;
    }

    /** Re-reads the configuration files, as {@code POST /api/v1/reload}. */
    public ReloadOutcome reload() {
        return reloader.reload();
    }

    /** {@code /metrics} as text, in Prometheus' format. */
    public String exportPrometheusFormat() {
        return exposition.scrape(ExpositionFormat.PROMETHEUS_TEXT);
    }

    /** Registers {@code listener} for every transition stored from now on; see {@link AlertListener}. */
    public void addAlertListener(AlertListener listener) {
        alerter.listeners().add(listener);
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops everything started; waits for a start-up in progress to finish first. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("Airdrops Monitoring stopping");
        httpServer.close();
        stopWorkers();
        stopped.countDown();
        LOG.info("Airdrops Monitoring stopped");
    }

    private void stopWorkers() {
        pushed.onAccepted(() -> {});
        alerter.listeners().close();
        pushRefresh.close();
        collectionLoop.close();
        evaluationLoop.close();
        deliveryWorkers.close(); // finishes the attempts in flight
        outboxMaintenance.close();
        aggregationLoop.close();
        collector.close();
        leaseKeeper.close();
        database.close(); // gives the lease up: the standby of this instance takes over at once
        exposition.close();
    }

    static final double DEFAULT_HISTORY_HOURS = 6;
    static final int DEFAULT_AGGREGATES_LIMIT = 10_000;

    /**
     * What an embedding application sets before the agent starts. Component and channel types it binds with a Guice
     * {@code Multibinder<ComponentProbeFactory>} or {@code Multibinder<AlertNotifierFactory>} in a {@link #module}
     * count like plugins (the modules are read once on their own to find them, so such bindings must not need the
     * agent's own).
     */
    public static final class Builder {
        private Map<String, String> environment = System.getenv();
        private final List<Module> modules = new ArrayList<>();
        private final List<ComponentRegistration> components = new ArrayList<>();
        private final List<AlertListener> listeners = new ArrayList<>();
        private final List<ComponentProbeFactory> componentTypes = new ArrayList<>();
        private final List<AlertNotifierFactory> channelTypes = new ArrayList<>();

        private Builder() {}

        /** A component type that {@code components.yaml} may name, as a plugin would add it. */
        public Builder componentType(ComponentProbeFactory factory) {
            componentTypes.add(factory);
            return this;
        }

        /** A channel type that {@code notifications.yaml} may name, as a plugin would add it. */
        public Builder channelType(AlertNotifierFactory factory) {
            channelTypes.add(factory);
            return this;
        }

        /** The settings, as environment variables (see the README's configuration table); default: the process's. */
        public Builder settings(Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            return this;
        }

        public Builder component(String name, RiskManager riskManager) {
            return component(
                    inProcess(name, "risk_manager"), InProcessComponentProbes.riskManager(riskManager, clock()));
        }

        public Builder component(String name, CapitalAllocator allocator) {
            return component(
                    inProcess(name, "capital_allocator"),
                    InProcessComponentProbes.capitalAllocator(allocator, clock()));
        }

        public Builder component(String name, CentralScheduler scheduler) {
            return component(inProcess(name, "scheduler"), InProcessComponentProbes.scheduler(scheduler, clock()));
        }

        /** Any component: its definition (name, type, timeout, staleness) and the probe that reads it. */
        public Builder component(ComponentDefinition definition, ComponentProbe probe) {
            components.add(new ComponentRegistration(definition, probe));
            return this;
        }

        /** A Guice module: sinks, health checks, component or channel factories, registrations. */
        public Builder module(Module module) {
            modules.add(module);
            return this;
        }

        public Builder alertListener(AlertListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Reads the configuration, builds and starts the agent; a configuration error throws {@link ConfigException}. */
        public MonitoringAgent start() {
            Injector bound = Guice.createInjector(new AbstractModule() {
                @Override
                protected void configure() {
                    Multibinder.newSetBinder(binder(), ComponentProbeFactory.class);
                    Multibinder.newSetBinder(binder(), AlertNotifierFactory.class);
                    modules.forEach(this::install);
                }
            });
            List<ComponentProbeFactory> probes = new ArrayList<>(componentTypes);
            probes.addAll(bound.getInstance(Key.get(new TypeLiteral<Set<ComponentProbeFactory>>() {})));
            List<AlertNotifierFactory> notifiers = new ArrayList<>(channelTypes);
            notifiers.addAll(bound.getInstance(Key.get(new TypeLiteral<Set<AlertNotifierFactory>>() {})));
            AgentConfiguration configuration = AgentConfiguration.load(environment, probes, notifiers);
            List<Module> all = new ArrayList<>(modules);
            all.add(new AbstractModule() {
                @Override
                protected void configure() {
                    Multibinder<ComponentRegistration> registrations =
                            Multibinder.newSetBinder(binder(), ComponentRegistration.class);
                    components.forEach(component -> registrations.addBinding().toInstance(component));
                }
            });
            MonitoringAgent agent = create(configuration, all);
            listeners.forEach(agent::addAlertListener);
            try {
                agent.startServices();
            } catch (RuntimeException e) {
                agent.close();
                throw e;
            }
            return agent;
        }

        private static ComponentDefinition inProcess(String name, String type) {
            return new ComponentDefinition(
                    name,
                    type,
                    ComponentSource.PLUGIN,
                    Optional.empty(),
                    ComponentDefinition.DEFAULT_TIMEOUT,
                    ComponentDefinition.DEFAULT_STALE_AFTER,
                    Map.of());
        }

        private static InstantSource clock() {
            return Clock.systemUTC();
        }
    }

    /** The host as a URL names it: localhost for a wildcard, an IPv6 address in brackets. */
    static String displayHost(String host) {
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "localhost";
        }
        return listenHost(host);
    }
}
