package com.airdrops.monitoring.config;

import java.nio.file.Path;

/**
 * Every setting of the agent, read once at start-up, one record per concern: each part of the agent is given only
 * its own. Paths are absolute: relative ones were resolved against {@code home}. Secrets (the API tokens, the ack
 * secret, a database password) never show in {@link #toString()}.
 *
 * @param instance this agent's name in a database shared with other agents
 */
public record MonitoringSettings(
        Path home,
        String instance,
        CollectionSection collection,
        HttpSection http,
        AggregationSection aggregation,
        AlertingSection alerting,
        FilesSection files,
        DatabaseSection database,
        NotificationsSection notifications) {}
