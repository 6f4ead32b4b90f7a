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
import com.airdrops.monitoring.notification.DeliveryWorkers;
import com.airdrops.monitoring.notification.OutboxMaintenance;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.List;

/** Provides the agent's {@link Lifecycle}: every part that starts or stops, in its order. */
final class LifecycleModule extends AbstractModule {
    /**
     * The parts in the order they start; they stop in reverse. The HTTP server comes last, once everything it serves
     * runs, and stops first; the database stops after everything that writes to it, giving the lease up; the
     * exposition after the collector that publishes to it.
     */
    @Provides
    @Singleton
    Lifecycle lifecycle(
            MicrometerMetricsPublisher exposition,
            Database database,
            LeaseKeeper leaseKeeper,
            MetricsCollector collector,
            AggregationLoop aggregationLoop,
            OutboxMaintenance outboxMaintenance,
            DeliveryWorkers deliveryWorkers,
            EvaluationLoop evaluationLoop,
            CollectionLoop collectionLoop,
            PushedComponentSnapshots pushed,
            PushRefresh pushRefresh,
            Alerter alerter,
            JavalinHttpServer httpServer) {
        return new Lifecycle(List.of(
                LifecyclePart.stopOnly("exposition", exposition::close),
                new LifecyclePart("database", database::start, database::close),
                new LifecyclePart("leader lease", leaseKeeper::start, leaseKeeper::close),
                LifecyclePart.stopOnly("collector", collector::close),
                new LifecyclePart("aggregation", aggregationLoop::start, aggregationLoop::close),
                new LifecyclePart("outbox maintenance", outboxMaintenance::start, outboxMaintenance::close),
                new LifecyclePart(
                        "delivery", deliveryWorkers::start, deliveryWorkers::close), // ends attempts in flight
                new LifecyclePart("evaluation", evaluationLoop::start, evaluationLoop::close),
                new LifecyclePart("collection", collectionLoop::start, collectionLoop::close),
                new LifecyclePart("push refresh", () -> pushed.onAccepted(pushRefresh::pushed), () -> {
                    pushed.onAccepted(name -> {});
                    pushRefresh.close();
                }),
                LifecyclePart.stopOnly("alert listeners", alerter.listeners()::close),
                new LifecyclePart("HTTP server", httpServer::start, httpServer::close)));
    }
}
