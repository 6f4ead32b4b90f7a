package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.config.Redaction;
import com.airdrops.monitoring.domain.model.lease.LeaseState;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert database: H2 or PostgreSQL by its JDBC URL, migrated with Flyway at open. Two bounded HikariCP pools: one
 * for the agent's own writes and one for the API's reads, so readers can never take the connections an alert pass
 * needs. Every wait is bounded by the settings' timeout: connecting, taking a pooled connection, and each statement
 * (and, on PostgreSQL, each socket read, which also ends a query against a frozen server). Thread-safe.
 */
public final class Database implements AutoCloseable, HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final Duration MIGRATION_SOCKET_TIMEOUT = Duration.ofMinutes(5);
    /** The highest migration this build ships ({@code db/migration/V<n>__*.sql}; a test keeps the two in step). */
    static final int SCHEMA_VERSION = 9;

    private final String shownUrl;
    private final DatabaseSettings settings;
    private final HikariDataSource writes;
    private final HikariDataSource reads;
    private final Jdbi jdbi;
    private final Jdbi readJdbi;
    private final LeaderLease lease;
    private final AtomicReference<CompletableFuture<HealthCheckResult>> checkInFlight = new AtomicReference<>();

    private Database(DatabaseSettings settings, HikariDataSource writes, HikariDataSource reads) {
        this.settings = settings;
        this.shownUrl = Redaction.jdbcUrl(settings.url());
        this.writes = writes;
        this.reads = reads;
        this.jdbi = bounded(Jdbi.create(writes), settings.timeout());
        this.readJdbi = bounded(Jdbi.create(reads), settings.timeout());
        this.lease = new LeaderLease(jdbi, settings.instance(), settings.holder(), settings.leaseTtl());
    }

    /** Opens the database with the default pool sizes and timeout. */
    public static Database open(String jdbcUrl) {
        return open(DatabaseSettings.defaults(jdbcUrl));
    }

    /** Opens and migrates the database; a failure is a {@link PersistenceException} naming the URL (without secrets). */
    public static Database open(DatabaseSettings settings) {
        String url = connectionUrl(settings);
        HikariDataSource writes = null;
        try {
            // Flyway holds two connections while it migrates: it gets its own, outside the bounded pools.
            UrlDataSource migrations = new UrlDataSource(url, migrationProperties(settings));
            String h2File = h2File(url);
            if (h2File != null && !Files.exists(Path.of(h2File + ".mv.db"))) {
                // A new H2 file is created at the current version: nothing to check or migrate then.
                migrateAside(url, h2File, false, settings);
            } else if (upToDate(migrations, settings.timeout())) {
                // Starting Flyway costs a few hundred milliseconds of class loading and scanning: not for nothing.
                LOG.info("Schema already at version {}: no migration to run", SCHEMA_VERSION);
            } else if (h2File != null) {
                migrateAside(url, h2File, true, settings);
            } else {
                migrate(migrations, settings);
            }
            writes = pool("db-write", url, settings, settings.writePoolSize());
            HikariDataSource reads = pool("db-read", url, settings, settings.readPoolSize());
            LOG.info(
                    "Database ready at {} (pools: {} write, {} read connections; timeout {} ms)",
                    Redaction.jdbcUrl(url),
                    settings.writePoolSize(),
                    settings.readPoolSize(),
                    settings.timeout().toMillis());
            Database database = new Database(settings, writes, reads);
            try {
                // The first agent of an instance leads at once; another finds the lease held and stands by.
                database.renewLease(Instant.now());
            } catch (PersistenceException e) {
                LOG.warn("Could not take the leader lease yet: {}", e.getMessage());
            }
            return database;
        } catch (PersistenceException e) {
            if (writes != null) {
                writes.close();
            }
            throw e; // from creating or upgrading the file, already naming it and what was left
        } catch (RuntimeException e) {
            if (writes != null) {
                writes.close();
            }
            throw new PersistenceException(
                    "cannot open the database at " + Redaction.jdbcUrl(url) + ": "
                            + withoutUserInfo(Failures.rootMessage(e), url),
                    e);
        }
    }

    /**
     * Whether Flyway's history shows every migration of this build applied and nothing else: no failed row, and the
     * highest version this build's. Anything else (no history yet, a newer or damaged schema, an error) is Flyway's
     * to judge and report.
     */
    static boolean upToDate(DataSource source, Duration timeout) {
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            // Unreachable: migrating would fail the same way after the same wait; say so once.
            throw new IllegalStateException(e.getMessage(), e);
        }
        try (connection;
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            return upToDate(statement.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""));
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean upToDate(ResultSet rows) throws SQLException {
        try (rows) {
            int highest = 0;
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(2)) {
                    return false;
                }
                if (version != null) {
                    highest = Math.max(highest, Integer.parseInt(version.trim()));
                }
            }
            return highest == SCHEMA_VERSION;
        }
    }

    private static void migrate(DataSource migrations, DatabaseSettings settings) {
        Flyway.configure()
                .dataSource(migrations)
                .connectRetries(0)
                .locations("classpath:db/migration")
                .placeholders(Map.of("instance", settings.instance()))
                .load()
                .migrate();
    }

    /**
     * The path of the H2 file database the URL names, without its {@code .mv.db}, or null when it names none this agent
     * can stage beside it (another database, or a file under the H2 user's home, {@code ~}).
     */
    private static String h2File(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return null;
        }
        int options = url.indexOf(';');
        String path = options < 0 ? url.substring(prefix.length()) : url.substring(prefix.length(), options);
        return path.startsWith("~") ? null : path;
    }

    /**
     * Creates (upgrade false) or upgrades (true) an H2 file database on a file of its own, moved into place when its
     * schema is complete. H2 commits each DDL statement on its own: a process killed in the middle of a migration
     * (SIGKILL, the OOM killer, a power cut) or a migration that fails half-way left a half-made schema that no later
     * start could open. Now the database's file is either the old one, untouched, or the migrated one; what a killed
     * start leaves is the other file, removed by the next start. An upgrade needs the room of a second copy for the
     * time it runs. (PostgreSQL runs each migration in a transaction.)
     */
    private static void migrateAside(String url, String path, boolean upgrade, DatabaseSettings settings) {
        Path file = Path.of(path + ".mv.db");
        String staging = path + (upgrade ? ".upgrading" : ".creating");
        Path stagingFile = Path.of(staging + ".mv.db");
        String stagingUrl = "jdbc:h2:file:" + staging + url.substring("jdbc:h2:file:".length() + path.length());
        try {
            removeLeftover(stagingFile);
            int from = 0;
            if (upgrade) {
                from = appliedVersion(url);
                shutdown(url); // the schema check left it open: closed, its file is whole and can be copied
                LOG.info(
                        "Upgrading the database at {} from schema version {} to {} on a copy ({} MiB); the file is"
                                + " replaced once the migration has finished",
                        Redaction.jdbcUrl(url),
                        from < 0 ? "unknown" : from,
                        SCHEMA_VERSION,
                        Files.size(file) >> 20);
                Files.copy(file, stagingFile);
            }
            try {
                migrate(new UrlDataSource(stagingUrl, migrationProperties(settings)), settings);
            } finally {
                shutdown(stagingUrl);
            }
            Files.move(stagingFile, file, StandardCopyOption.ATOMIC_MOVE);
            if (upgrade) {
                LOG.info("Upgraded the database at {} to schema version {}", Redaction.jdbcUrl(url), SCHEMA_VERSION);
            } else {
                LOG.info("Created the database at {} (schema version {})", Redaction.jdbcUrl(url), SCHEMA_VERSION);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                Files.deleteIfExists(stagingFile);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            String what = upgrade
                    ? "upgrade the database file " + file + " (left as it was)"
                    : "create the database file " + file;
            throw new PersistenceException("cannot " + what + ": " + Failures.rootMessage(e), e);
        }
    }

    /** Removes a file left by a start that was killed while migrating, unless another process is migrating it now. */
    private static void removeLeftover(Path stagingFile) throws IOException {
        if (!Files.exists(stagingFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(stagingFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IOException("another process is migrating it now (" + stagingFile + " is locked)");
            }
        }
        LOG.warn("Removing {}: left by a start that was stopped while it migrated the database", stagingFile);
        Files.delete(stagingFile);
    }

    /** The highest schema version the H2 database at {@code url} has applied, or -1 when it cannot be read. */
    private static int appliedVersion(String url) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            return rows.next() ? rows.getInt(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Closes the in-process H2 database at {@code url} (kept open by {@code DB_CLOSE_DELAY=-1}), writing it whole. */
    private static void shutdown(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    /** The agent's own reads and writes. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** The agent whose rows this connection reads and writes. */
    String instance() {
        return settings.instance();
    }

    /** Reads on behalf of API clients, from their own pool. */
    Jdbi readJdbi() {
        return readJdbi;
    }

    @Override
    public String name() {
        return "database";
    }

    /**
     * Answers within the settings' timeout at most: a database that does not answer by then is DOWN, and no second
     * probe starts while one is still waiting.
     */
    @Override
    public HealthCheckResult check() {
        CompletableFuture<HealthCheckResult> probe;
        synchronized (checkInFlight) {
            probe = checkInFlight.get();
            if (probe == null || probe.isDone()) {
                probe = CompletableFuture.supplyAsync(
                        this::probe,
                        runnable -> Thread.ofVirtual().name("db-health").start(runnable));
                checkInFlight.set(probe);
            }
        }
        long waitMillis = Math.min(1_500, settings.timeout().toMillis());
        try {
            return probe.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return HealthCheckResult.down(
                    "the database did not answer within " + waitMillis + " ms (" + shownUrl + ")");
        } catch (ExecutionException e) {
            return HealthCheckResult.down(Failures.rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResult.down("interrupted");
        }
    }

    private HealthCheckResult probe() {
        try {
            readJdbi.withHandle(handle ->
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            return HealthCheckResult.up(shownUrl);
        } catch (RuntimeException e) {
            return HealthCheckResult.down(Failures.rootMessage(e));
        }
    }

    /**
     * Renews (or takes, or reports) the leader lease of this agent's instance; see {@link LeaderLease}. Throws
     * {@link PersistenceException} when the database cannot be reached.
     */
    public LeaseState renewLease(Instant now) {
        return lease.renew(now);
    }

    /** The lease as the last renewal or write found it: while leading, this agent alone evaluates, writes, delivers. */
    public LeaseState leaseState() {
        return lease.state();
    }

    /** First statement of every writing transaction: throws {@link PersistenceException.Fenced} unless leading. */
    void fence(Handle handle) {
        lease.fence(handle);
    }

    @Override
    public void close() {
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.warn(
                    "Releasing the leader lease failed (the other agent takes over when it expires): {}",
                    Failures.rootMessage(e));
        }
        reads.close();
        if (settings.isH2()) {
            // Append-only writing grows the file; a clean stop compacts it. The statement closes the database under
            // the pooled connection, so the pool is closed first and the statement runs on a connection of its own.
            writes.close();
            try (Connection connection = DriverManager.getConnection(connectionUrl(settings));
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("Database is already closed")) {
                    LOG.warn("Closing the database failed: {}", Failures.rootMessage(e));
                }
            }
            return;
        }
        writes.close();
    }

    /**
     * Flyway's own connections are bounded too: a server that does not answer fails the start after the timeout
     * (connecting and logging in) instead of hanging it; a statement may run for up to 5 minutes, as a migration of
     * a large history table can.
     */
    static Properties migrationProperties(DatabaseSettings settings) {
        Properties properties = new Properties();
        if (settings.isPostgres()) {
            long seconds = Math.max(1, settings.timeout().toSeconds());
            properties.setProperty("connectTimeout", String.valueOf(seconds));
            properties.setProperty("loginTimeout", String.valueOf(seconds));
            properties.setProperty("socketTimeout", String.valueOf(MIGRATION_SOCKET_TIMEOUT.toSeconds()));
            properties.setProperty("cancelSignalTimeout", String.valueOf(seconds));
            properties.setProperty("ApplicationName", "airdrops-monitoring");
        }
        return properties;
    }

    private static HikariDataSource pool(String name, String url, DatabaseSettings settings, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(1, size));
        config.setConnectionTimeout(settings.timeout().toMillis());
        config.setValidationTimeout(Math.max(250, settings.timeout().toMillis() / 2));
        config.setInitializationFailTimeout(settings.timeout().toMillis());
        if (settings.isPostgres()) {
            long seconds = Math.max(1, settings.timeout().toSeconds());
            // Operators see the agent's connections by name in pg_stat_activity.
            config.addDataSourceProperty("ApplicationName", "airdrops-monitoring");
            config.addDataSourceProperty("connectTimeout", seconds);
            config.addDataSourceProperty("loginTimeout", seconds);
            // A statement is cancelled at the timeout; a server that does not answer at all ends at the socket timeout.
            config.addDataSourceProperty("socketTimeout", seconds * 2);
            // The cancel itself goes over a connection of its own, which must not hang either (the driver's timer
            // thread holds the statement's lock while it sends it).
            config.addDataSourceProperty("cancelSignalTimeout", seconds);
        }
        return new HikariDataSource(config);
    }

    private static Jdbi bounded(Jdbi jdbi, Duration timeout) {
        jdbi.getConfig(SqlStatements.class).setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        return jdbi;
    }

    /**
     * An H2 file database stays open until {@link #close()} ({@code DB_CLOSE_DELAY=-1}), is written without delay
     * ({@code WRITE_DELAY=0}) and only appended to ({@code REUSE_SPACE=FALSE}: see ADR 0008), and gives up on a lock
     * after the timeout.
     */
    static String connectionUrl(DatabaseSettings settings) {
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
