package com.airdrops.monitoring.adapters.components;

import com.airdrops.monitoring.domain.bot.CapitalAllocator;
import com.airdrops.monitoring.domain.bot.CentralScheduler;
import com.airdrops.monitoring.domain.bot.RiskManager;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshotBuilder;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import java.time.InstantSource;

/** Probes of a Java bot that implements the component ports itself and runs in the agent's JVM. */
public final class InProcessComponentProbes {
    private InProcessComponentProbes() {}

    public static ComponentProbe riskManager(RiskManager riskManager, InstantSource clock) {
        return () -> {
            ComponentSnapshotBuilder snapshot = ComponentSnapshot.builder(clock.instant())
                    .riskLevel(riskManager.riskLevel())
                    .portfolioValueUsd(riskManager.portfolioValueUsd())
                    .circuitBreakerActive(riskManager.circuitBreakerActive());
            riskManager.riskLimits().forEach(snapshot::riskLimit);
            return snapshot.build();
        };
    }

    public static ComponentProbe capitalAllocator(CapitalAllocator allocator, InstantSource clock) {
        return () -> {
            ComponentSnapshotBuilder snapshot = ComponentSnapshot.builder(clock.instant())
                    .capitalUtilizationPercent(allocator.capitalUtilizationPercent());
            allocator.protocolAllocations().forEach(snapshot::protocolAllocation);
            allocator.portfolioHistory().forEach(point -> snapshot.portfolioPoint(point.at(), point.valueUsd()));
            return snapshot.build();
        };
    }

    public static ComponentProbe scheduler(CentralScheduler scheduler, InstantSource clock) {
        return () -> {
            ComponentSnapshotBuilder snapshot = ComponentSnapshot.builder(clock.instant())
                    .running(scheduler.running())
                    .taskDefinitions(scheduler.taskDefinitions());
            scheduler.taskExecutionsByStatus().forEach(snapshot::taskExecutions);
            return snapshot.build();
        };
    }
}
