package com.airdrops.monitoring.domain.model;

/** Health of one bot component at one collection, as the seed's {@code ComponentMetrics}; execution time in seconds. */
public record ComponentMetrics(
        String componentName,
        ComponentStatus status,
        double lastExecutionTime,
        long errorCount,
        long successCount) {

    public ComponentMetrics {
        Require.nonBlank(componentName, "componentName");
        Require.nonNull(status, "status");
        Require.nonNegative(lastExecutionTime, "lastExecutionTime");
        Require.nonNegative(errorCount, "errorCount");
        Require.nonNegative(successCount, "successCount");
    }
}
