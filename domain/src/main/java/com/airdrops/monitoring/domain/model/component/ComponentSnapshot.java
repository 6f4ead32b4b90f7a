package com.airdrops.monitoring.domain.model.component;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What one component reported at one instant (the snapshot JSON it pushes or serves): its health and execution counts, extra
 * gauges, and the fields of whichever bot role it plays. Every field but {@code observedAt} is optional.
 */
public record ComponentSnapshot(
        Instant observedAt,
        Optional<ComponentStatus> status,
        OptionalDouble lastExecutionTime,
        OptionalLong errorCount,
        OptionalLong successCount,
        Map<String, Double> metrics,
        Optional<RiskLevel> riskLevel,
        OptionalDouble portfolioValueUsd,
        Optional<Boolean> circuitBreakerActive,
        Map<String, Double> riskLimits,
        OptionalDouble capitalUtilizationPercent,
        Map<String, Double> protocolAllocations,
        Optional<Boolean> running,
        OptionalLong taskDefinitions,
        Map<String, Long> taskExecutions,
        List<PortfolioPoint> portfolioHistory,
        Optional<String> statusReason,
        List<TaskFailure> lastFailures) {

    /** The most points a {@code portfolio_history} may hold. */
    public static final int MAX_PORTFOLIO_POINTS = 1_000;
    /** The most keys a keyed field ({@code metrics}, {@code protocol_allocations}, ...) may hold. */
    public static final int MAX_KEYS = 1_000;
    /** The longest {@code status_reason} kept. */
    public static final int MAX_REASON_LENGTH = 512;

    public ComponentSnapshot {
        Require.nonNull(observedAt, "observedAt");
        metrics = Map.copyOf(metrics);
        riskLimits = Map.copyOf(riskLimits);
        protocolAllocations = Map.copyOf(protocolAllocations);
        taskExecutions = Map.copyOf(taskExecutions);
        portfolioHistory = portfolioHistory == null ? List.of() : List.copyOf(portfolioHistory);
        statusReason = statusReason == null ? Optional.empty() : statusReason;
        lastFailures = lastFailures == null ? List.of() : List.copyOf(lastFailures);
        if (lastFailures.size() > TaskFailure.MAX_PER_SNAPSHOT) {
            throw new IllegalArgumentException(
                    "last_failures: at most " + TaskFailure.MAX_PER_SNAPSHOT + " failures, got " + lastFailures.size());
        }
        if (portfolioHistory.size() > MAX_PORTFOLIO_POINTS) {
            throw new IllegalArgumentException(
                    "portfolio_history: at most " + MAX_PORTFOLIO_POINTS + " points, got " + portfolioHistory.size());
        }
        Set<Instant> times = new HashSet<>();
        for (PortfolioPoint point : portfolioHistory) {
            if (!times.add(point.at())) {
                throw new IllegalArgumentException(
                        "portfolio_history: two points at " + point.at().getEpochSecond() + "; one value per time");
            }
        }
    }

    public static Builder builder(Instant observedAt) {
        return new Builder(observedAt);
    }

    /** Builds snapshots for in-process components and tests; unset fields stay empty. */
    public static final class Builder {
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

        private Builder(Instant observedAt) {
            this.observedAt = observedAt;
        }

        public Builder status(ComponentStatus value) {
            status = value;
            return this;
        }

        public Builder lastExecutionTime(double seconds) {
            lastExecutionTime = seconds;
            return this;
        }

        public Builder errorCount(long value) {
            errorCount = value;
            return this;
        }

        public Builder successCount(long value) {
            successCount = value;
            return this;
        }

        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        public Builder riskLevel(RiskLevel value) {
            riskLevel = value;
            return this;
        }

        public Builder portfolioValueUsd(double value) {
            portfolioValueUsd = value;
            return this;
        }

        public Builder circuitBreakerActive(boolean value) {
            circuitBreakerActive = value;
            return this;
        }

        public Builder riskLimit(String name, double value) {
            riskLimits.put(name, value);
            return this;
        }

        public Builder capitalUtilizationPercent(double value) {
            capitalUtilizationPercent = value;
            return this;
        }

        public Builder protocolAllocation(String protocol, double percent) {
            protocolAllocations.put(protocol, percent);
            return this;
        }

        public Builder running(boolean value) {
            running = value;
            return this;
        }

        public Builder taskDefinitions(long value) {
            taskDefinitions = value;
            return this;
        }

        public Builder taskExecutions(String status, long count) {
            taskExecutions.put(status, count);
            return this;
        }

        /** Why the component says it is unhealthy. */
        public Builder statusReason(String value) {
            statusReason = value;
            return this;
        }

        /** One of the scheduler's last failed task executions, newest first. */
        public Builder lastFailure(TaskFailure failure) {
            lastFailures.add(failure);
            return this;
        }

        /** One point of the CapitalAllocator's portfolio history: its value in USD at {@code at}. */
        public Builder portfolioPoint(Instant at, double valueUsd) {
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
}
