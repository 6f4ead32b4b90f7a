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
                Lifecycle.Part.stopOnly("exposition", exposition::close),
                new Lifecycle.Part("database", database::start, database::close),
                new Lifecycle.Part("leader lease", leaseKeeper::start, leaseKeeper::close),
                Lifecycle.Part.stopOnly("collector", collector::close),
                new Lifecycle.Part("aggregation", aggregationLoop::start, aggregationLoop::close),
                new Lifecycle.Part("outbox maintenance", outboxMaintenance::start, outboxMaintenance::close),
                new Lifecycle.Part(
                        "delivery", deliveryWorkers::start, deliveryWorkers::close), // ends attempts in flight
                new Lifecycle.Part("evaluation", evaluationLoop::start, evaluationLoop::close),
                new Lifecycle.Part("collection", collectionLoop::start, collectionLoop::close),
                new Lifecycle.Part("push refresh", () -> pushed.onAccepted(pushRefresh::pushed), () -> {
                    pushed.onAccepted(name -> {});
                    pushRefresh.close();
                }),
                Lifecycle.Part.stopOnly("alert listeners", alerter.listeners()::close),
                new Lifecycle.Part("HTTP server", httpServer::start, httpServer::close)));
    }
}
