package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.http.JavalinHttpServer;
import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.aggregation.MetricsAggregator;
import com.airdrops.monitoring.alerting.EvaluationLoop;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.collection.PushedComponentSnapshots;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.notification.DeliveryWorkers;
import com.airdrops.monitoring.notification.OutboxMaintenance;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.List;
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
    private final CountDownLatch stopped = new CountDownLatch(1);

    private MonitoringAgent(MonitoringSettings settings, Injector injector) {
        this.settings = settings;
        this.httpServer = injector.getInstance(JavalinHttpServer.class);
        Set<MetricsSink> sinks = injector.getInstance(Key.get(new TypeLiteral<Set<MetricsSink>>() {}));
        this.collector = injector.getInstance(MetricsCollector.class);
        LoopFailures failures = injector.getInstance(LoopFailures.class);
        this.collectionLoop =
                new CollectionLoop(collector, List.copyOf(sinks), settings.collectionInterval(), failures);
        this.aggregationLoop = new AggregationLoop(injector.getInstance(MetricsAggregator.class), failures);
        this.evaluationLoop = injector.getInstance(EvaluationLoop.class);
        this.deliveryWorkers = injector.getInstance(DeliveryWorkers.class);
        this.outboxMaintenance = injector.getInstance(OutboxMaintenance.class);
        this.database = injector.getInstance(Database.class);
        this.exposition = injector.getInstance(MicrometerMetricsPublisher.class);
        this.pushed = injector.getInstance(PushedComponentSnapshots.class);
        this.leaseKeeper = injector.getInstance(LeaseKeeper.class);
        this.pushRefresh = new PushRefresh(collector, exposition, evaluationLoop, failures);
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
        return new MonitoringAgent(configuration.settings(), Guice.createInjector(modules));
    }

    /** Starts the loops, the delivery workers and the HTTP server; on failure stops what it started and throws. */
    public synchronized void startServices() {
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
        LOG.info(
                "Airdrops Monitoring started: listening on {}:{}, metrics at http://{}:{}/metrics",
                settings.httpHost(),
                port(),
                displayHost(settings.httpHost()),
                port());
    }

    public int port() {
        return httpServer.port();
    }

    public MonitoringSettings settings() {
        return settings;
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

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    }
}
