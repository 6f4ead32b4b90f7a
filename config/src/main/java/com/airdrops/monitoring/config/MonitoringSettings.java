package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
        Collection collection,
        Http http,
        Aggregation aggregation,
        Alerting alerting,
        Files files,
        Database database,
        Notifications notifications) {

    /** How often the host and the components are read, and which file system's usage is reported. */
    public record Collection(Duration interval, Path diskPath) {}

    /** Where the HTTP server listens and who may call it. */
    public record Http(
            String host,
            int port,
            Optional<String> apiToken,
            Optional<String> readToken,
            ReadTokenScope readTokenScope) {
        public Http {
            apiToken = apiToken == null ? Optional.empty() : apiToken;
            readToken = readToken == null ? Optional.empty() : readToken;
        }

        @Override
        public String toString() {
            return "Http[host=" + host + ", port=" + port + ", apiToken=" + shown(apiToken) + ", readToken="
                    + shown(readToken) + ", readTokenScope=" + readTokenScope + "]";
        }
    }

    /** The windows, functions and bounds of aggregation, and how many aggregates the database keeps. */
    public record Aggregation(
            Duration window,
            List<AggregationFunction> functions,
            Duration retention,
            int bufferMaxSize,
            int maxSeries,
            int maxStored) {
        public Aggregation {
            functions = List.copyOf(functions);
        }
    }

    /** How often the rules are evaluated, and how long alert history is kept. */
    /** @param windowMaxSeries how many series the sliding windows of rules with a function may watch in all */
    public record Alerting(Duration evaluationInterval, Duration retention, int windowMaxSeries) {}

    /** The configuration files and the plugins folder. */
    /**
     * The configuration files: {@code alertRulesDir} holds rule files added to those of {@code alertRules} (every
     * {@code *.yaml}, in name order; none when it does not exist).
     */
    public record Files(
            ConfigFile alertRules, ConfigFile notifications, ConfigFile components, Path plugins, Path alertRulesDir) {}

    /** The alert database: its URL, the API's read pool, the bound on every wait, and the leader lease. */
    public record Database(String url, int poolSize, Duration timeout, Duration leaseTtl, long compactAboveBytes) {
        /** The URL without user-info, query parameters or H2 settings, which may carry passwords. */
        public String shownUrl() {
            return Redaction.jdbcUrl(url);
        }

        @Override
        public String toString() {
            return "Database[url=" + shownUrl() + ", poolSize=" + poolSize + ", timeout=" + timeout + ", leaseTtl="
                    + leaseTtl + ", compactAboveBytes=" + compactAboveBytes + "]";
        }
    }

    /** How long the outbox keeps what it sent and what it gave up on, and the signed ack links. */
    public record Notifications(
            Duration outboxRetention,
            Duration deadLetterRetention,
            Optional<String> ackSecret,
            Optional<String> publicUrl,
            Duration ackLinkValidity) {
        public Notifications {
            ackSecret = ackSecret == null ? Optional.empty() : ackSecret;
            publicUrl = publicUrl == null ? Optional.empty() : publicUrl;
        }

        @Override
        public String toString() {
            return "Notifications[outboxRetention=" + outboxRetention + ", deadLetterRetention=" + deadLetterRetention
                    + ", ackSecret=" + shown(ackSecret) + ", publicUrl=" + publicUrl.orElse("<unset>")
                    + ", ackLinkValidity=" + ackLinkValidity + "]";
        }
    }

    private static String shown(Optional<String> secret) {
        return secret.map(value -> "***").orElse("<unset>");
    }
}
