package com.airdrops.monitoring.domain.model.component;

import com.airdrops.monitoring.domain.model.Require;

/** Health of one bot component at one collection; execution time in seconds. */
public record ComponentMetrics(
        String componentName, ComponentStatus status, double lastExecutionTime, long errorCount, long successCount) {

    public ComponentMetrics {
        Require.nonBlank(componentName, "componentName");
        Require.nonNull(status, "status");
        Require.nonNegative(lastExecutionTime, "lastExecutionTime");
        Require.nonNegative(errorCount, "errorCount");
        Require.nonNegative(successCount, "successCount");
    }
}
