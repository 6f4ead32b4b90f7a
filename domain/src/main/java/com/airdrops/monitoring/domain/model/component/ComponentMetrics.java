package com.airdrops.monitoring.domain.model.component;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * Health of one bot component at one collection; execution time in seconds. {@code problem} says why the last
 * reading failed (the probe failed or timed out, or the data was stale), or why the component says it is unhealthy;
 * none when it was read and is well. {@code lastReportAt}: when the component last reported fresh data, if ever.
 */
public record ComponentMetrics(
        String componentName,
        String type,
        ComponentStatus status,
        ComponentProblem problem,
        double lastExecutionTime,
        long errorCount,
        long successCount,
        Optional<Instant> lastReportAt) {

    public ComponentMetrics {
        Require.nonBlank(componentName, "componentName");
        Require.nonBlank(type, "type");
        Require.nonNull(status, "status");
        Require.nonNull(problem, "problem");
        Require.nonNegative(lastExecutionTime, "lastExecutionTime");
        Require.nonNegative(errorCount, "errorCount");
        Require.nonNegative(successCount, "successCount");
        lastReportAt = lastReportAt == null ? Optional.empty() : lastReportAt;
    }
}
