package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link MonitoringSettings} from environment variables, with the names and defaults the README documents. Every bad value is
 * collected and reported at once, one line per variable, as a {@link ConfigException}.
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
    public static final String MAX_STORED_AGGREGATES = "METRICS_AGGREGATES_MAX_STORED";
    public static final String EVALUATION_INTERVAL = "ALERT_EVALUATION_INTERVAL";
    public static final String ALERT_RETENTION_HOURS = "ALERT_RETENTION_HOURS";
    public static final String ALERT_RULES_FILE = "ALERT_RULES_FILE";
    public static final String NOTIFICATIONS_FILE = "NOTIFICATIONS_FILE";
    public static final String COMPONENTS_FILE = "COMPONENTS_FILE";
    public static final String DB_URL = "MONITORING_DB_URL";
    public static final String API_TOKEN = "MONITORING_API_TOKEN";
    public static final String DISK_PATH = "METRICS_DISK_PATH";
    public static final String PLUGINS_DIR = "MONITORING_PLUGINS_DIR";
    public static final String DB_POOL_SIZE = "MONITORING_DB_POOL_SIZE";
    public static final String DB_TIMEOUT = "MONITORING_DB_TIMEOUT_SECONDS";
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
    /** An H2 file URL: the path (group 1) and the settings after it (group 2). */
    private static final Pattern H2_FILE =
            Pattern.compile("jdbc:h2:(?:file:)?(?![a-zA-Z]{2,}:)([^;]+)(;.*)?", Pattern.DOTALL);

    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /** The most hours any retention may be: ten years, far inside what a clock can subtract. */
    static final long MAX_HOURS = 87_600;
    /** The longest interval, window or timeout: one day. */
    static final double MAX_SECONDS = 86_400;

    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();
    /** What relative paths are resolved against. */
    private Path home;

    private EnvironmentSettings(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Reads the settings from {@code environment} (normally {@code System.getenv()}). */
    public static MonitoringSettings load(Map<String, String> environment) {
        return new EnvironmentSettings(environment).read();
    }

    private MonitoringSettings read() {
        home = home();
        String logLevel = raw(LOG_LEVEL, "INFO");
        if (!LOG_LEVELS.contains(logLevel.toUpperCase(Locale.ROOT))) {
            problems.add(
                    LOG_LEVEL + "='" + logLevel + "' is invalid: expected one of " + String.join(", ", LOG_LEVELS));
        }
        String logFormat = raw(LOG_FORMAT, "text");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            problems.add(LOG_FORMAT + "='" + logFormat + "' is invalid: expected text (for people) or json (one JSON "
                    + "object per line, for log shippers)");
        }
        Duration window = seconds(AGGREGATION_WINDOW, "300", 1);
        Duration retention = hours(RETENTION_HOURS, "168");
        if (window.compareTo(retention) > 0) {
            problems.add(AGGREGATION_WINDOW + "='" + raw(AGGREGATION_WINDOW, "300")
                    + "' is invalid: the window must not "
                    + "be longer than " + RETENTION_HOURS + " (" + retention.toHours() + " h), or no aggregate would "
                    + "outlive its window");
        }
        Duration alertRetention = hours(ALERT_RETENTION_HOURS, "168");
        MonitoringSettings settings = new MonitoringSettings(
                seconds(COLLECTION_INTERVAL, "30.0", 0.1),
                host(HTTP_HOST, "0.0.0.0"),
                port(HTTP_PORT, "8000"),
                window,
                functions(AGGREGATION_FUNCTIONS, "avg,max,min"),
                retention,
                boundedInt(BUFFER_MAX_SIZE, "1000", 1_000_000),
                boundedInt(MAX_SERIES, "100000", 10_000_000),
                boundedInt(MAX_STORED_AGGREGATES, "1000000", 1_000_000_000),
                seconds(EVALUATION_INTERVAL, "60", 0.1),
                alertRetention,
                configFile(ALERT_RULES_FILE, "alert_rules.yaml"),
                configFile(NOTIFICATIONS_FILE, "notifications.yaml"),
                configFile(COMPONENTS_FILE, "components.yaml"),
                jdbcUrl(DB_URL, "jdbc:h2:file:./data/monitoring"),
                bearerToken(API_TOKEN),
                existingPath(DISK_PATH, "/"),
                path(PLUGINS_DIR, "plugins"),
                boundedInt(DB_POOL_SIZE, "4", 100),
                seconds(DB_TIMEOUT, "5", 0.25),
                raw(OUTBOX_RETENTION_HOURS, "").isEmpty() ? alertRetention : hours(OUTBOX_RETENTION_HOURS, "168"),
                hours(DEAD_LETTER_RETENTION_HOURS, "720"),
                bearerToken(API_READ_TOKEN),
                readTokenScope(),
                home,
                instance(),
                seconds(HA_LEASE, "10", 3),
                ackSecret(),
                publicUrl(),
                hours(ACK_LINK_HOURS, "24"));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return settings;
    }

    private String raw(String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private <T> T parse(String name, String fallback, T onError, String allowed, Function<String, T> parser) {
        String value = raw(name, fallback);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            problems.add(name + "='" + value + "' is invalid: " + allowed);
            return onError;
        }
    }

    private Duration seconds(String name, String fallback, double minimum) {
        return parse(
                name,
                fallback,
                Duration.ofSeconds(1),
                "expected a number of seconds from " + number(minimum) + " to " + number(MAX_SECONDS)
                        + (minimum < 1 ? " (e.g. 30 or 0.5)" : " (e.g. 30)"),
                value -> {
                    double seconds = Double.parseDouble(value);
                    if (!(seconds >= minimum && seconds <= MAX_SECONDS)) {
                        throw new IllegalArgumentException();
                    }
                    return Duration.ofNanos(Math.round(seconds * 1e9));
                });
    }

    private Duration hours(String name, String fallback) {
        return parse(
                name,
                fallback,
                Duration.ofHours(1),
                "expected a whole number of hours from 1 to " + MAX_HOURS + " (e.g. 168)",
                value -> {
                    long hours = Long.parseLong(value);
                    if (hours < 1 || hours > MAX_HOURS) {
                        throw new IllegalArgumentException();
                    }
                    return Duration.ofHours(hours);
                });
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** {@code api} (default): the JSON API only; {@code all}: /metrics and health too. */
    private boolean readTokenScope() {
        String value = raw(API_READ_TOKEN_SCOPE, "api");
        if (!value.equals("api") && !value.equals("all")) {
            problems.add(API_READ_TOKEN_SCOPE + "='" + value + "' is invalid: expected api (the JSON API only) or all "
                    + "(/metrics and health too)");
        }
        return value.equals("all");
    }

    /** The secret that signs ack links: long enough to resist guessing, and only with a URL to put in the links. */
    private Optional<String> ackSecret() {
        Optional<String> secret = secret(ACK_SECRET);
        if (secret.isPresent() && secret.get().length() < AckLinks.MIN_SECRET_LENGTH) {
            problems.add(ACK_SECRET + " is invalid: expected at least " + AckLinks.MIN_SECRET_LENGTH
                    + " characters (e.g. the output of 'openssl rand -hex 32'), got "
                    + secret.get().length());
        }
        if (secret.isPresent() && secret(PUBLIC_URL).isEmpty()) {
            problems.add(ACK_SECRET + " is set but " + PUBLIC_URL + " is not: ack links need the address people reach "
                    + "this agent at, e.g. https://monitor.example.org");
        }
        return secret;
    }

    private Optional<String> publicUrl() {
        Optional<String> url = secret(PUBLIC_URL);
        if (url.isPresent()) {
            try {
                URI uri = new URI(url.get());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        || uri.getHost() == null
                        || uri.getRawQuery() != null
                        || uri.getRawFragment() != null) {
                    throw new URISyntaxException(url.get(), "not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                problems.add(PUBLIC_URL + "='" + url.get() + "' is invalid: expected an absolute http:// or https:// "
                        + "URL without query or fragment, such as https://monitor.example.org");
            }
        }
        return url;
    }

    /**
     * A token clients send as {@code Authorization: Bearer <token>}: printable ASCII without spaces, since an HTTP header
     * carries nothing else reliably (a browser refuses to send other characters). The problem never shows the value.
     */
    private Optional<String> bearerToken(String name) {
        Optional<String> token = secret(name);
        if (token.isPresent() && !visibleAscii(token.get())) {
            problems.add(name + " is invalid: expected printable ASCII characters without spaces (it is sent in an"
                    + " HTTP header, Authorization: Bearer <token>); it holds a space or another character");
        }
        return token;
    }

    /** Printable ASCII without spaces (U+0021 to U+007E): what a token or an instance name may hold. */
    private static boolean visibleAscii(String value) {
        return value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private Optional<String> secret(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(token -> !token.isEmpty());
    }

    private int port(String name, String fallback) {
        return parse(name, fallback, 0, "expected a TCP port from 0 to 65535 (0 picks a free port)", value -> {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException();
            }
            return port;
        });
    }

    private int boundedInt(String name, String fallback, int maximum) {
        return parse(name, fallback, 1, "expected a whole number from 1 to " + maximum, value -> {
            int number = Integer.parseInt(value);
            if (number < 1 || number > maximum) {
                throw new IllegalArgumentException();
            }
            return number;
        });
    }

    /** A path that must exist now (the disk whose usage is reported). */
    private Path existingPath(String name, String fallback) {
        Path path = path(name, fallback);
        if (!Files.exists(path)) {
            problems.add(name + "='" + raw(name, fallback) + "' is invalid: no such file or directory");
        }
        return path;
    }

    private List<AggregationFunction> functions(String name, String fallback) {
        String value = raw(name, fallback);
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
            problems.add(name + "='" + value + "' is invalid: unknown aggregation function(s) "
                    + String.join(", ", unknown) + "; allowed: " + AggregationFunction.allowed());
        } else if (functions.isEmpty()) {
            problems.add(name + "='" + value + "' is invalid: name at least one of " + AggregationFunction.allowed());
        }
        return List.copyOf(functions);
    }

    /** An address of this host to listen on: the wildcard, loopback, or one an interface holds. */
    private String host(String name, String fallback) {
        String value = raw(name, fallback);
        try {
            InetAddress address = InetAddress.getByName(value);
            if (!address.isAnyLocalAddress()
                    && !address.isLoopbackAddress()
                    && NetworkInterface.getByInetAddress(address) == null) {
                problems.add(
                        name + "='" + value + "' is invalid: " + address.getHostAddress() + " is not an address "
                                + "of this host (0.0.0.0: every interface; 127.0.0.1: this host only; or one of its addresses)");
            }
        } catch (UnknownHostException e) {
            problems.add(name + "='" + value + "' is invalid: unknown host; expected an address of this host such as "
                    + "0.0.0.0 (every interface) or 127.0.0.1 (this host only)");
        } catch (SocketException e) {
            // The interfaces cannot be listed here: binding will tell.
        }
        return value;
    }

    /** An absolute path; a relative one is resolved against {@link #HOME}. */
    private Path path(String name, String fallback) {
        return parse(name, fallback, home, "expected a file system path", value -> {
            try {
                return home.resolve(value).normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /**
     * This agent's identity in a database shared with other agents: stored with every row it writes and sent as the
     * {@code instance} label. Default: the host name.
     */
    private String instance() {
        String value = raw(INSTANCE, "");
        if (value.isEmpty()) {
            return hostName();
        }
        if (value.length() > MAX_INSTANCE_LENGTH || !visibleAscii(value)) {
            problems.add(INSTANCE + "='" + value + "' is invalid: expected 1 to " + MAX_INSTANCE_LENGTH
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

    /** The base of every relative path: {@link #HOME}, or the working directory when it is unset. */
    private Path home() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        String value = raw(HOME, "");
        if (value.isEmpty()) {
            return workingDirectory;
        }
        try {
            Path home = workingDirectory.resolve(value).normalize();
            if (Files.isDirectory(home)) {
                return home;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        problems.add(HOME + "='" + value + "' is invalid: expected an existing directory (relative paths such as "
                + "config/alert_rules.yaml, plugins and ./data/monitoring are resolved against it)");
        return workingDirectory;
    }

    /**
     * A YAML file: {@code config/<name>} under {@link #HOME} by default, falling back to the copy built into the jar
     * while nothing is there. A path set explicitly is taken as it is and must exist when it is read.
     */
    private ConfigFile configFile(String name, String builtIn) {
        boolean explicit = !raw(name, "").isEmpty();
        Path path = path(name, "config/" + builtIn);
        return new ConfigFile(name, path, explicit ? Optional.empty() : Optional.of(builtIn));
    }

    private String jdbcUrl(String name, String fallback) {
        String value = raw(name, fallback);
        if (!value.startsWith("jdbc:h2:") && !value.startsWith("jdbc:postgresql:")) {
            // The URL may hold a password: the message shows it without credentials.
            problems.add(name + "='" + Redaction.jdbcUrl(value) + "' is invalid: expected a JDBC URL of H2 or "
                    + "PostgreSQL, such as jdbc:h2:file:./data/monitoring or jdbc:postgresql://host:5432/db");
            return fallback;
        }
        if (value.matches("jdbc:[a-z0-9]+:(tcp:|ssl:)?//[^/@?;]*@.*")) {
            problems.add(name + "='" + Redaction.jdbcUrl(value) + "' is invalid: credentials before the host "
                    + "(user:password@) are not read by the JDBC drivers; pass them as ?user=...&password=... "
                    + "(PostgreSQL) or ;USER=...;PASSWORD=... (H2)");
            return fallback;
        }
        return h2FileUrl(value);
    }

    /**
     * An H2 URL with a relative file path ({@code jdbc:h2:file:./data/monitoring}, {@code jdbc:h2:./db}) made
     * absolute against {@link #HOME}, so the database does not move with the working directory. Other URLs, in-memory
     * and server databases and home-relative ({@code ~}) paths are left as they are.
     */
    private String h2FileUrl(String url) {
        Matcher matcher = H2_FILE.matcher(url);
        if (!matcher.matches() || matcher.group(1).startsWith("~")) {
            return url;
        }
        try {
            Path file = Path.of(matcher.group(1));
            return file.isAbsolute()
                    ? url
                    : "jdbc:h2:file:" + home.resolve(file).normalize()
                            + (matcher.group(2) == null ? "" : matcher.group(2));
        } catch (InvalidPathException e) {
            return url;
        }
    }
}
