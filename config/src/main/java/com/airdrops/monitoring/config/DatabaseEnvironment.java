package com.airdrops.monitoring.config;

import static com.airdrops.monitoring.config.EnvironmentSettings.DB_COMPACT_ABOVE;
import static com.airdrops.monitoring.config.EnvironmentSettings.DB_POOL_SIZE;
import static com.airdrops.monitoring.config.EnvironmentSettings.DB_TIMEOUT;
import static com.airdrops.monitoring.config.EnvironmentSettings.DB_URL;
import static com.airdrops.monitoring.config.EnvironmentSettings.HA_LEASE;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert database's settings from the environment: its JDBC URL, pool, timeout, leader lease, and the size above
 * which an H2 file is compacted once it is mostly dead space.
 */
final class DatabaseEnvironment {
    /** An H2 file URL: the path (group 1) and the settings after it (group 2). */
    private static final Pattern H2_FILE =
            Pattern.compile("jdbc:h2:(?:file:)?(?![a-zA-Z]{2,}:)([^;]+)(;.*)?", Pattern.DOTALL);

    private DatabaseEnvironment() {}

    static DatabaseSection read(EnvironmentReader env) {
        return new DatabaseSection(
                jdbcUrl(env, DB_URL, "jdbc:h2:file:./data/monitoring"),
                env.boundedInt(DB_POOL_SIZE, "4", 100),
                env.seconds(DB_TIMEOUT, "5", 0.25),
                env.seconds(HA_LEASE, "10", 3),
                env.boundedInt(DB_COMPACT_ABOVE, "16", 1_048_576) * 1024L * 1024L);
    }

    private static String jdbcUrl(EnvironmentReader env, String name, String fallback) {
        String value = env.raw(name, fallback);
        if (!value.startsWith("jdbc:h2:") && !value.startsWith("jdbc:postgresql:")) {
            // The URL may hold a password: the message shows it without credentials.
            env.problem(name + "='" + Redaction.jdbcUrl(value) + "' is invalid: expected a JDBC URL of H2 or "
                    + "PostgreSQL, such as jdbc:h2:file:./data/monitoring or jdbc:postgresql://host:5432/db");
            return fallback;
        }
        if (value.matches("jdbc:[a-z0-9]+:(tcp:|ssl:)?//[^/@?;]*@.*")) {
            env.problem(name + "='" + Redaction.jdbcUrl(value) + "' is invalid: credentials before the host "
                    + "(user:password@) are not read by the JDBC drivers; pass them as ?user=...&password=... "
                    + "(PostgreSQL) or ;USER=...;PASSWORD=... (H2)");
            return fallback;
        }
        return h2FileUrl(value, env.home());
    }

    /**
     * An H2 URL with a relative file path ({@code jdbc:h2:file:./data/monitoring}, {@code jdbc:h2:./db}) made
     * absolute against {@code home}, so the database does not move with the working directory. Other URLs, in-memory
     * and server databases and home-relative ({@code ~}) paths are left as they are.
     */
    private static String h2FileUrl(String url, Path home) {
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
