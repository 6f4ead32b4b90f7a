package com.airdrops.monitoring.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/** How the agent connects: the URL with the options it needs, the bounded pools, and what a driver's error may show. */
final class Connections {
    private Connections() {}

    /**
     * An H2 file database stays open until {@link Database#close()} ({@code DB_CLOSE_DELAY=-1}), is written without delay
     * ({@code WRITE_DELAY=0}) and only appended to ({@code REUSE_SPACE=FALSE}: see ADR 0008), and gives up on a lock
     * after the timeout.
     */
    static String url(DatabaseSettings settings) {
        String url = settings.url();
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        if (!url.startsWith("jdbc:h2:file:")) {
            // An in-memory or server database must also outlive the migration's connection.
            return upper.contains("DB_CLOSE_DELAY") ? url : url + ";DB_CLOSE_DELAY=-1";
        }
        if (!upper.contains("WRITE_DELAY")) {
            result.append(";WRITE_DELAY=0");
        }
        if (!upper.contains("DB_CLOSE_DELAY")) {
            result.append(";DB_CLOSE_DELAY=-1");
        }
        if (!upper.contains("DB_CLOSE_ON_EXIT")) {
            // The agent's own shutdown closes (and compacts) the file after its last write; H2's hook would race it.
            result.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        if (!upper.contains("REUSE_SPACE")) {
            // H2 lost whole sessions of committed transactions after SIGKILL when it wrote into reused space (ADR
            // 0008).
            result.append(";REUSE_SPACE=FALSE");
        }
        if (!upper.contains("LOCK_TIMEOUT")) {
            result.append(";LOCK_TIMEOUT=").append(settings.timeout().toMillis());
        }
        if (!upper.contains("TRACE_LEVEL_FILE")) {
            // No .trace.db beside the database: H2 prints a stack trace to stderr when it cannot write one, and the
            // agent reports every database error itself.
            result.append(";TRACE_LEVEL_FILE=0");
        }
        return result.toString();
    }

    static HikariDataSource pool(String name, String url, DatabaseSettings settings, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(1, size));
        config.setConnectionTimeout(settings.timeout().toMillis());
        config.setValidationTimeout(Math.max(250, settings.timeout().toMillis() / 2));
        config.setInitializationFailTimeout(settings.timeout().toMillis());
        if (settings.isH2()) {
            config.setExceptionOverride(new ClosedStoreEviction());
            // Compacting the file pauses the pool while H2 rewrites it (H2FileCompaction).
            config.setAllowPoolSuspension(true);
        }
        if (settings.isPostgres()) {
            String seconds = String.valueOf(Math.max(1, settings.timeout().toSeconds()));
            // The driver reads only text values: a number here would be ignored, and a frozen server would hang the
            // reading thread for good.
            // Operators see the agent's connections by name in pg_stat_activity.
            config.addDataSourceProperty("ApplicationName", "airdrops-monitoring");
            config.addDataSourceProperty("connectTimeout", seconds);
            config.addDataSourceProperty("loginTimeout", seconds);
            // A statement is cancelled at the timeout; a server that does not answer at all ends at the socket timeout.
            config.addDataSourceProperty(
                    "socketTimeout",
                    String.valueOf(2 * Math.max(1, settings.timeout().toSeconds())));
            // The cancel itself goes over a connection of its own, which must not hang either (the driver's timer
            // thread holds the statement's lock while it sends it).
            config.addDataSourceProperty("cancelSignalTimeout", seconds);
        }
        return new HikariDataSource(config);
    }

    static Jdbi bounded(Jdbi jdbi, Duration timeout) {
        jdbi.getConfig(SqlStatements.class).setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        return jdbi;
    }

    /** Drivers quote parts of the URL: whatever stood before the host's '@' is cut out of {@code message}. */
    static String withoutUserInfo(String message, String url) {
        int scheme = url.indexOf("//");
        int at = scheme < 0 ? -1 : url.indexOf('@', scheme);
        int hostEnd = scheme < 0 ? -1 : url.indexOf('/', scheme + 2);
        if (at < 0 || (hostEnd >= 0 && at > hostEnd)) {
            return message;
        }
        String userInfo = url.substring(scheme + 2, at);
        String shown = message.replace(userInfo + "@", "").replace(userInfo, "***");
        int colon = userInfo.indexOf(':');
        return colon < 0
                ? shown
                : shown.replace(userInfo.substring(colon + 1) + "@", "").replace(userInfo.substring(colon + 1), "***");
    }
}
