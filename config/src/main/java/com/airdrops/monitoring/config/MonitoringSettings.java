package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the agent, read once at start-up. Paths are absolute: relative ones were resolved against
 * {@code home}. The API tokens are secrets: {@link #toString()} redacts them.
 */
public record MonitoringSettings(
        Duration collectionInterval,
        String httpHost,
        int httpPort,
        Duration aggregationWindow,
        List<AggregationFunction> aggregationFunctions,
        Duration retentionPeriod,
        int bufferMaxSize,
        int maxSeries,
        int maxStoredAggregates,
        Duration alertEvaluationInterval,
        Duration alertRetention,
        ConfigFile alertRulesFile,
        ConfigFile notificationsFile,
        ConfigFile componentsFile,
        String databaseUrl,
        Optional<String> apiToken,
        Path diskPath,
        Path pluginsDir,
        int databasePoolSize,
        Duration databaseTimeout,
        Duration outboxRetention,
        Duration deadLetterRetention,
        Optional<String> apiReadToken,
        boolean readTokenCoversScrapes,
        Path home,
        String instance,
        Duration leaseTtl,
        Optional<String> ackSecret,
        Optional<String> publicUrl,
        Duration ackLinkValidity) {

    public MonitoringSettings {
        aggregationFunctions = List.copyOf(aggregationFunctions);
        apiToken = apiToken == null ? Optional.empty() : apiToken;
        apiReadToken = apiReadToken == null ? Optional.empty() : apiReadToken;
        ackSecret = ackSecret == null ? Optional.empty() : ackSecret;
        publicUrl = publicUrl == null ? Optional.empty() : publicUrl;
    }

    @Override
    public String toString() {
        return "MonitoringSettings[collectionInterval=" + collectionInterval
                + ", httpHost=" + httpHost + ", httpPort=" + httpPort
                + ", aggregationWindow=" + aggregationWindow + ", aggregationFunctions=" + aggregationFunctions
                + ", retentionPeriod=" + retentionPeriod + ", bufferMaxSize=" + bufferMaxSize + ", maxSeries="
                + maxSeries
                + ", maxStoredAggregates=" + maxStoredAggregates
                + ", alertEvaluationInterval=" + alertEvaluationInterval + ", alertRetention=" + alertRetention
                + ", alertRulesFile=" + alertRulesFile + ", notificationsFile=" + notificationsFile
                + ", componentsFile=" + componentsFile + ", databaseUrl=" + shownDatabaseUrl()
                + ", apiToken=" + apiToken.map(token -> "***").orElse("<unset>") + ", diskPath=" + diskPath
                + ", pluginsDir=" + pluginsDir + ", databasePoolSize=" + databasePoolSize + ", databaseTimeout="
                + databaseTimeout + ", outboxRetention=" + outboxRetention + ", deadLetterRetention="
                + deadLetterRetention + ", apiReadToken="
                + apiReadToken.map(token -> "***").orElse("<unset>") + ", readTokenCoversScrapes="
                + readTokenCoversScrapes + ", home=" + home + ", instance=" + instance + ", leaseTtl=" + leaseTtl
                + ", ackSecret=" + ackSecret.map(secret -> "***").orElse("<unset>") + ", publicUrl="
                + publicUrl.orElse("<unset>") + ", ackLinkValidity=" + ackLinkValidity + "]";
    }

    /** The database URL without user-info, query parameters or H2 settings, which may carry passwords. */
    public String shownDatabaseUrl() {
        return Redaction.jdbcUrl(databaseUrl);
    }
}
