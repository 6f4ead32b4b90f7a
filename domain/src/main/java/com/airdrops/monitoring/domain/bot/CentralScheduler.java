package com.airdrops.monitoring.domain.bot;

import java.util.Map;

/** What monitoring reads from the bot's CentralScheduler; a Java bot implements it to be watched in-process. */
public interface CentralScheduler {
    boolean running();

    int taskDefinitions();

    /** Current number of task executions by status, e.g. {@code completed -> 30, failed -> 2}. */
    Map<String, Long> taskExecutionsByStatus();
}
