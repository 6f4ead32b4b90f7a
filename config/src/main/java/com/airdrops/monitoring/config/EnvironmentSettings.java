package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link MonitoringSettings} from environment variables, with the names and defaults the README documents. Every
 * bad value is collected and reported at once, one line per variable, as a {@link ConfigException}.
 */
public final class EnvironmentSettings {
    public static final String COLLECTION_INTERVAL = "METRICS_COLLECTION_INTERVAL";
    public static final String HTTP_PORT = "METRICS_HTTP_PORT";
    public static final String HTTP_HOST = "METRICS_HTTP_HOST";
    public static final String AGGREGATION_WINDOW = "METRICS_AGGREGATION_WINDOW_SECONDS";
    public static final String AGGREGATION_FUNCTIONS = "METRICS_AGGREGATION_FUNCTIONS";
    public static final String RETENTION_HOURS = "METRICS_RETENTION_PERIOD_HOURS";
    public static final String BUFFER_MAX_SIZE = "METRICS_BUFFER_MAX_SIZE";
    public static final String MAX_SERIES = "METRICS_MAX_SERIES";
    public static final String WINDOW_MAX_SERIES = "ALERT_WINDOW_MAX_SERIES";
    public static final String MAX_STORED_AGGREGATES = "METRICS_AGGREGATES_MAX_STORED";
    public static final String EVALUATION_INTERVAL = "ALERT_EVALUATION_INTERVAL";
    public static final String ALERT_RETENTION_HOURS = "ALERT_RETENTION_HOURS";
    public static final String ALERT_RULES_FILE = "ALERT_RULES_FILE";
    public static final String ALERT_RULES_DIR = "ALERT_RULES_DIR";
    public static final String NOTIFICATIONS_FILE = "NOTIFICATIONS_FILE";
    public static final String COMPONENTS_FILE = "COMPONENTS_FILE";
    public static final String DB_URL = "MONITORING_DB_URL";
    public static final String API_TOKEN = "MONITORING_API_TOKEN";
    public static final String DISK_PATH = "METRICS_DISK_PATH";
    public static final String PLUGINS_DIR = "MONITORING_PLUGINS_DIR";
    public static final String DB_POOL_SIZE = "MONITORING_DB_POOL_SIZE";
    public static final String DB_TIMEOUT = "MONITORING_DB_TIMEOUT_SECONDS";
    public static final String DB_COMPACT_ABOVE = "MONITORING_DB_COMPACT_ABOVE_MB";
    public static final String OUTBOX_RETENTION_HOURS = "NOTIFICATION_LOG_RETENTION_HOURS";
    public static final String DEAD_LETTER_RETENTION_HOURS = "NOTIFICATION_DEAD_LETTER_RETENTION_HOURS";
    public static final String API_READ_TOKEN = "MONITORING_API_READ_TOKEN";
    public static final String API_READ_TOKEN_SCOPE = "MONITORING_API_READ_TOKEN_SCOPE";
    public static final String LOG_LEVEL = "LOG_LEVEL";
    public static final String HOME = "MONITORING_HOME";
    public static final String LOG_FORMAT = "LOG_FORMAT";
    public static final String INSTANCE = "MONITORING_INSTANCE";
    public static final String HA_LEASE = "MONITORING_HA_LEASE_SECONDS";
    public static final String ACK_SECRET = "MONITORING_ACK_SECRET";
    public static final String PUBLIC_URL = "MONITORING_PUBLIC_URL";
    public static final String ACK_LINK_HOURS = "MONITORING_ACK_LINK_HOURS";
    /** The longest instance name: it is stored with every row and sent as a label. */
    static final int MAX_INSTANCE_LENGTH = 255;

    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private EnvironmentSettings() {}

    /** Reads the settings from {@code environment} (normally {@code System.getenv()}). */
    public static MonitoringSettings load(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        checkLogging(env);
        Duration window = env.seconds(AGGREGATION_WINDOW, "300", 1);
        Duration retention = env.hours(RETENTION_HOURS, "168");
        if (window.compareTo(retention) > 0) {
            env.problem(AGGREGATION_WINDOW + "='" + env.raw(AGGREGATION_WINDOW, "300")
                    + "' is invalid: the window must not be longer than " + RETENTION_HOURS + " ("
                    + retention.toHours() + " h), or no aggregate would outlive its window");
        }
        Duration alertRetention = env.hours(ALERT_RETENTION_HOURS, "168");
        Duration collectionInterval = env.seconds(COLLECTION_INTERVAL, "30.0", 0.1);
        HttpSection http = HttpEnvironment.read(env);
        AggregationSection aggregation = new AggregationSection(
                window,
                functions(env, AGGREGATION_FUNCTIONS, "avg,max,min"),
                retention,
                env.boundedInt(BUFFER_MAX_SIZE, "1000", 1_000_000),
                env.boundedInt(MAX_SERIES, "100000", 10_000_000),
                env.boundedInt(MAX_STORED_AGGREGATES, "1000000", 1_000_000_000));
        AlertingSection alerting = new AlertingSection(
                env.seconds(EVALUATION_INTERVAL, "60", 0.1),
                alertRetention,
                env.boundedInt(WINDOW_MAX_SERIES, "10000", 100_000));
        FilesSection files = new FilesSection(
                configFile(env, ALERT_RULES_FILE, "alert_rules.yaml"),
                configFile(env, NOTIFICATIONS_FILE, "notifications.yaml"),
                configFile(env, COMPONENTS_FILE, "components.yaml"),
                env.path(PLUGINS_DIR, "plugins"),
                rulesDirectory(env));
        DatabaseSection database = DatabaseEnvironment.read(env);
        CollectionSection collection = new CollectionSection(collectionInterval, env.existingPath(DISK_PATH, "/"));
        NotificationsSection notifications = NotificationsEnvironment.read(env, alertRetention);
        String instance = instance(env);
        if (!env.problems().isEmpty()) {
            throw new ConfigException(env.problems());
        }
        return new MonitoringSettings(
                env.home(), instance, collection, http, aggregation, alerting, files, database, notifications);
    }

    /** LOG_LEVEL and LOG_FORMAT are read by the logging set-up; checked here so that they fail like the rest. */
    private static void checkLogging(EnvironmentReader env) {
        String logLevel = env.raw(LOG_LEVEL, "INFO");
        if (!LOG_LEVELS.contains(logLevel.toUpperCase(Locale.ROOT))) {
            env.problem(LOG_LEVEL + "='" + logLevel + "' is invalid: expected one of " + String.join(", ", LOG_LEVELS));
        }
        String logFormat = env.raw(LOG_FORMAT, "text");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            env.problem(LOG_FORMAT + "='" + logFormat + "' is invalid: expected text (for people) or json (one JSON "
                    + "object per line, for log shippers)");
        }
    }

    private static List<AggregationFunction> functions(EnvironmentReader env, String name, String fallback) {
        String value = env.raw(name, fallback);
        LinkedHashSet<AggregationFunction> functions = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                functions.add(AggregationFunction.parse(part));
            } catch (IllegalArgumentException e) {
                unknown.add(part.trim());
            }
        }
        if (!unknown.isEmpty()) {
            env.problem(name + "='" + value + "' is invalid: unknown aggregation function(s) "
                    + String.join(", ", unknown) + "; allowed: " + AggregationFunction.allowed());
        } else if (functions.isEmpty()) {
            env.problem(name + "='" + value + "' is invalid: name at least one of " + AggregationFunction.allowed());
        }
        return List.copyOf(functions);
    }

    /**
     * This agent's identity in a database shared with other agents: stored with every row it writes and sent as the
     * {@code instance} label. Default: the host name.
     */
    private static String instance(EnvironmentReader env) {
        String value = env.raw(INSTANCE, "");
        if (value.isEmpty()) {
            return hostName();
        }
        if (value.length() > MAX_INSTANCE_LENGTH || !EnvironmentReader.visibleAscii(value)) {
            env.problem(INSTANCE + "='" + value + "' is invalid: expected 1 to " + MAX_INSTANCE_LENGTH
                    + " printable ASCII characters without spaces (default: the host name)");
        }
        return value;
    }

    /** This host's name: the default instance, and part of the leader lease's holder name. */
    public static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (!name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException e) {
            // fall through to the environment
        }
        String fromEnvironment = System.getenv("HOSTNAME");
        return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment.trim();
    }

    /**
     * A YAML file: {@code config/<name>} under MONITORING_HOME by default, falling back to the copy built into the jar
     * while nothing is there. A path set explicitly is taken as it is and must exist when it is read.
     */
    /** ALERT_RULES_DIR: config/rules.d unless set; one that is set must be a directory. */
    private static Path rulesDirectory(EnvironmentReader env) {
        Path dir = env.path(ALERT_RULES_DIR, "config/rules.d");
        if (!env.raw(ALERT_RULES_DIR, "").isEmpty() && !java.nio.file.Files.isDirectory(dir)) {
            env.problem(ALERT_RULES_DIR + "='" + env.raw(ALERT_RULES_DIR, "") + "' is invalid: no such directory ("
                    + dir + "); unset it to use config/rules.d when it exists");
        }
        return dir;
    }

    private static ConfigFile configFile(EnvironmentReader env, String name, String builtIn) {
        boolean explicit = !env.raw(name, "").isEmpty();
        Path path = env.path(name, "config/" + builtIn);
        return new ConfigFile(name, path, explicit ? Optional.empty() : Optional.of(builtIn));
    }
}
