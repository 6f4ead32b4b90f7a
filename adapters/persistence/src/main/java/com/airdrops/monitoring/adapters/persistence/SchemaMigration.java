package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.config.Redaction;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema to this build's version before the pools open: nothing when Flyway's history says it is
 * there already, a migration with Flyway otherwise; an H2 file is created or upgraded on a copy beside it, moved into
 * place once complete. Flyway gets connections of its own, outside the bounded pools, as it holds two while it runs.
 */
final class SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    static final Duration MIGRATION_SOCKET_TIMEOUT = Duration.ofMinutes(5);
    /** The highest migration this build ships ({@code db/migration/V<n>__*.sql}; a test keeps the two in step). */
    static final int SCHEMA_VERSION = 9;

    /** Whether this process created or migrated a schema: Flyway ran. */
    private static final AtomicBoolean MIGRATED = new AtomicBoolean();
    /** Held while a schema is created or migrated, and for good by a process that exits ({@link #forbidFromNow}). */
    private static final ReentrantLock MIGRATION = new ReentrantLock();

    private SchemaMigration() {}

    static boolean migratedInThisProcess() {
        return MIGRATED.get();
    }

    /** Whether a schema is being created or migrated now. */
    static boolean running() {
        return MIGRATION.isLocked();
    }

    /**
     * Lets no migration begin in this process (which is exiting) once one in progress has ended; false when that one
     * took longer than {@code wait}.
     */
    static boolean forbidFromNow(Duration wait) {
        try {
            // Never released: a start that reaches its migration waits there until the process ends.
            return MIGRATION.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Checks, creates or migrates the schema of the database at {@code url} (the connection URL). */
    static void bringUpToDate(String url, DatabaseSettings settings) {
        UrlDataSource migrations = new UrlDataSource(url, migrationProperties(settings));
        String h2File = h2File(url);
        if (h2File != null && !Files.exists(Path.of(h2File + ".mv.db"))) {
            // A new H2 file is created at the current version: nothing to check or migrate then.
            migrating(() -> migrateAside(url, h2File, false, settings));
        } else if (upToDate(migrations, settings.timeout())) {
            // Starting Flyway costs a few hundred milliseconds of class loading and scanning: not for nothing.
            LOG.info("Schema already at version {}: no migration to run", SCHEMA_VERSION);
        } else if (h2File != null) {
            migrating(() -> migrateAside(url, h2File, true, settings));
        } else {
            migrating(() -> {
                migrate(migrations, settings);
                LOG.info("Migrated the database at {} to schema version {}", Redaction.jdbcUrl(url), SCHEMA_VERSION);
            });
        }
    }

    private static void migrating(Runnable migration) {
        MIGRATION.lock();
        try {
            MIGRATED.set(true);
            migration.run();
        } finally {
            MIGRATION.unlock();
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
    static String h2File(String url) {
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
}
