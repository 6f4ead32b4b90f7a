package com.airdrops.monitoring.domain.model.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Builds snapshots for in-process components and tests; unset fields stay empty. */
public final class ComponentSnapshotBuilder {
    private final Instant observedAt;
    private ComponentStatus status;
    private Double lastExecutionTime;
    private Long errorCount;
    private Long successCount;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private RiskLevel riskLevel;
    private Double portfolioValueUsd;
    private Boolean circuitBreakerActive;
    private final Map<String, Double> riskLimits = new LinkedHashMap<>();
    private Double capitalUtilizationPercent;
    private final Map<String, Double> protocolAllocations = new LinkedHashMap<>();
    private Boolean running;
    private Long taskDefinitions;
    private final Map<String, Long> taskExecutions = new LinkedHashMap<>();
    private final List<PortfolioPoint> portfolioHistory = new ArrayList<>();
    private String statusReason;
    private final List<TaskFailure> lastFailures = new ArrayList<>();

    ComponentSnapshotBuilder(Instant observedAt) {
        this.observedAt = observedAt;
    }

    public ComponentSnapshotBuilder status(ComponentStatus value) {
        status = value;
        return this;
    }

    public ComponentSnapshotBuilder lastExecutionTime(double seconds) {
        lastExecutionTime = seconds;
        return this;
    }

    public ComponentSnapshotBuilder errorCount(long value) {
        errorCount = value;
        return this;
    }

    public ComponentSnapshotBuilder successCount(long value) {
        successCount = value;
        return this;
    }

    public ComponentSnapshotBuilder metric(String name, double value) {
        metrics.put(name, value);
        return this;
    }

    public ComponentSnapshotBuilder riskLevel(RiskLevel value) {
        riskLevel = value;
        return this;
    }

    public ComponentSnapshotBuilder portfolioValueUsd(double value) {
        portfolioValueUsd = value;
        return this;
    }

    public ComponentSnapshotBuilder circuitBreakerActive(boolean value) {
        circuitBreakerActive = value;
        return this;
    }

    public ComponentSnapshotBuilder riskLimit(String name, double value) {
        riskLimits.put(name, value);
        return this;
    }

    public ComponentSnapshotBuilder capitalUtilizationPercent(double value) {
        capitalUtilizationPercent = value;
        return this;
    }

    public ComponentSnapshotBuilder protocolAllocation(String protocol, double percent) {
        protocolAllocations.put(protocol, percent);
        return this;
    }

    public ComponentSnapshotBuilder running(boolean value) {
        running = value;
        return this;
    }

    public ComponentSnapshotBuilder taskDefinitions(long value) {
        taskDefinitions = value;
        return this;
    }

    public ComponentSnapshotBuilder taskExecutions(String status, long count) {
        taskExecutions.put(status, count);
        return this;
    }

    /** Why the component says it is unhealthy. */
    public ComponentSnapshotBuilder statusReason(String value) {
        statusReason = value;
        return this;
    }

    /** One of the scheduler's last failed task executions, newest first. */
    public ComponentSnapshotBuilder lastFailure(TaskFailure failure) {
        lastFailures.add(failure);
        return this;
    }

    /** One point of the CapitalAllocator's portfolio history: its value in USD at {@code at}. */
    public ComponentSnapshotBuilder portfolioPoint(Instant at, double valueUsd) {
        portfolioHistory.add(new PortfolioPoint(at, valueUsd));
        return this;
    }

    public ComponentSnapshot build() {
        return new ComponentSnapshot(
                observedAt,
                Optional.ofNullable(status),
                optional(lastExecutionTime),
                optional(errorCount),
                optional(successCount),
                metrics,
                Optional.ofNullable(riskLevel),
                optional(portfolioValueUsd),
                Optional.ofNullable(circuitBreakerActive),
                riskLimits,
                optional(capitalUtilizationPercent),
                protocolAllocations,
                Optional.ofNullable(running),
                optional(taskDefinitions),
                taskExecutions,
                portfolioHistory,
                Optional.ofNullable(statusReason),
                lastFailures);
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
