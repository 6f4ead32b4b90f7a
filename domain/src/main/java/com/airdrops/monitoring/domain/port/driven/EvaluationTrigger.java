package com.airdrops.monitoring.domain.port.driven;

/**
 * Asks the alert evaluation for a pass as soon as it is free, besides its regular ticks, so that fresh pushed data is
 * judged at once. Requests made while a pass runs fold into one. Thread-safe; never blocks.
 */
@FunctionalInterface
public interface EvaluationTrigger {
    void evaluateSoon();
}
