package com.airdrops.monitoring.domain.model.component;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;
import java.util.HashSet;
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

    public static ComponentSnapshotBuilder builder(Instant observedAt) {
        return new ComponentSnapshotBuilder(observedAt);
    }
}
