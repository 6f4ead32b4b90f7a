package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.http.JavalinHttpServer;
import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.persistence.LeaseKeeper;
import com.airdrops.monitoring.adapters.prometheus.MicrometerMetricsPublisher;
import com.airdrops.monitoring.aggregation.AggregationLoop;
import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.alerting.EvaluationLoop;
import com.airdrops.monitoring.collection.CollectionLoop;
import com.airdrops.monitoring.collection.MetricsCollector;
import com.airdrops.monitoring.collection.PushRefresh;
import com.airdrops.monitoring.collection.PushedComponentSnapshots;
import com.airdrops.monitoring.domain.port.driven.MetricsSink;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.notification.DeliveryWorkers;
import com.airdrops.monitoring.notification.OutboxMaintenance;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.List;

/**
 * Provides the agent's {@link Lifecycle}, in two halves: the parts that answer first (the exposition, collection and
 * the HTTP server), and the {@link DatabaseHalf} that joins them once the database is open.
 */
final class LifecycleModule extends AbstractModule {
    @Override
    protected void configure() {
        // Declared here so that they exist, empty, in an agent whose modules contribute none.
        Multibinder.newSetBinder(binder(), MetricsSource.class, DatabaseHalf.class);
        Multibinder.newSetBinder(binder(), MetricsSink.class, DatabaseHalf.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class, DatabaseHalf.class);
    }

    /**
     * The parts that answer first, in the order they start; they stop in reverse. The database half joins after the
     * collector ({@link Lifecycle#join}): the HTTP server stops first, then the push refresh and collection, then the database half (the
     * database after everything that writes to it), the exposition after the collector that publishes to it.
     */
    @Provides
    @Singleton
    Lifecycle lifecycle(
            MicrometerMetricsPublisher exposition,
            MetricsCollector collector,
            CollectionLoop collectionLoop,
            PushedComponentSnapshots pushed,
            PushRefresh pushRefresh,
            JavalinHttpServer httpServer,
            HeapTrim heapTrim) {
        return new Lifecycle(
                List.of(
                        LifecyclePart.stopOnly("exposition", exposition::close),
                        LifecyclePart.stopOnly("collector", collector::close),
                        new LifecyclePart("collection", collectionLoop::start, collectionLoop::close),
                        new LifecyclePart("push refresh", () -> pushed.onAccepted(pushRefresh::pushed), () -> {
                            pushed.onAccepted(name -> {});
                            pushRefresh.close();
                        }),
                        new LifecyclePart("HTTP server", httpServer::start, httpServer::close),
                        new LifecyclePart("heap trim", heapTrim::start, heapTrim::close)),
                2);
    }

    /**
     * The database half's parts in the order they start. Pushes accepted before it joined are on {@code /metrics} and
     * in the rule windows already; the evaluation's first pass, at once when it starts, reads them.
     */
    @Provides
    @Singleton
    @DatabaseHalf
    List<LifecyclePart> databaseHalf(
            Database database,
            LeaseKeeper leaseKeeper,
            AggregationLoop aggregationLoop,
            OutboxMaintenance outboxMaintenance,
            DeliveryWorkers deliveryWorkers,
            EvaluationLoop evaluationLoop,
            Alerter alerter) {
        return List.of(
                new LifecyclePart("database", database::start, database::close),
                new LifecyclePart("leader lease", leaseKeeper::start, leaseKeeper::close),
                new LifecyclePart("aggregation", aggregationLoop::start, aggregationLoop::close),
                new LifecyclePart("outbox maintenance", outboxMaintenance::start, outboxMaintenance::close),
                new LifecyclePart(
                        "delivery", deliveryWorkers::start, deliveryWorkers::close), // ends attempts in flight
                new LifecyclePart("evaluation", evaluationLoop::start, evaluationLoop::close),
                LifecyclePart.stopOnly("alert listeners", alerter.listeners()::close));
    }
}
