package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.config.Redaction;
import com.airdrops.monitoring.domain.model.lease.LeaseState;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert database: H2 or PostgreSQL by its JDBC URL, migrated with Flyway at open. Two bounded HikariCP pools: one
 * for the agent's own writes and one for the API's reads, so readers can never take the connections an alert pass
 * needs. Every wait is bounded by the settings' timeout: connecting, taking a pooled connection, and each statement
 * (and, on PostgreSQL, each socket read, which also ends a query against a frozen server). Thread-safe.
 */
public final class Database implements AutoCloseable, HealthCheck, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String shownUrl;
    private final DatabaseSettings settings;
    private final HikariDataSource writes;
    private final HikariDataSource reads;
    private final Jdbi jdbi;
    private final Jdbi readJdbi;
    private final LeaderLease lease;
    private final DatabaseHealth health;
    /** Null unless the database is an H2 file. */
    private final H2FileCompaction compaction;

    private Database(DatabaseSettings settings, HikariDataSource writes, HikariDataSource reads) {
        this.settings = settings;
        this.shownUrl = Redaction.jdbcUrl(settings.url());
        this.writes = writes;
        this.reads = reads;
        this.jdbi = Connections.bounded(Jdbi.create(writes), settings.timeout());
        this.readJdbi = Connections.bounded(Jdbi.create(reads), settings.timeout());
        this.health = new DatabaseHealth(readJdbi, shownUrl, settings.timeout());
        this.lease = new LeaderLease(jdbi, settings.instance(), settings.holder(), settings.leaseTtl());
        String file = SchemaMigration.h2File(settings.url());
        this.compaction = file == null
                ? null
                : new H2FileCompaction(
                        Path.of(file + ".mv.db"),
                        Connections.url(settings),
                        List.of(reads, writes),
                        settings.timeout(),
                        settings.compactAboveBytes());
    }

    /** Starts keeping an H2 file within a bound of its live data (see {@link H2FileCompaction}): now, then every 10 s. */
    public void start() {
        if (compaction != null) {
            compaction.start();
        }
    }

    /**
     * Whether this process created or migrated a schema (Flyway ran), as on an agent's first start: such a run loads
     * classes that later starts do not.
     */
    public static boolean migratedInThisProcess() {
        return SchemaMigration.migratedInThisProcess();
    }

    /** Whether this process is creating or migrating a database's schema now. */
    public static boolean migrating() {
        return SchemaMigration.running();
    }

    /**
     * For a process that is exiting: waits up to {@code wait} for a schema migration in progress to finish, and lets
     * no other begin; false when the one in progress did not finish in time. Cutting one short is safe (an H2 file is
     * migrated on a copy, PostgreSQL in a transaction); it then runs again at the next start.
     */
    public static boolean forbidMigrationsFromNow(Duration wait) {
        return SchemaMigration.forbidFromNow(wait);
    }

    /** Opens the database with the default pool sizes and timeout. */
    public static Database open(String jdbcUrl) {
        return open(DatabaseSettings.defaults(jdbcUrl));
    }

    /** Opens and migrates the database; a failure is a {@link PersistenceException} naming the URL (without secrets). */
    public static Database open(DatabaseSettings settings) {
        String url = Connections.url(settings);
        HikariDataSource writes = null;
        try {
            SchemaMigration.bringUpToDate(url, settings);
            writes = Connections.pool("db-write", url, settings, settings.writePoolSize());
            HikariDataSource reads = Connections.pool("db-read", url, settings, settings.readPoolSize());
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
                            + Connections.withoutUserInfo(Failures.rootMessage(e), url),
                    e);
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

    /** The size of the H2 file on disk and its compactions (nothing for PostgreSQL): the one file that grows. */
    @Override
    public List<Sample> samples(Instant now) {
        return compaction == null ? List.of() : compaction.samples(now);
    }

    /**
     * Answers within the settings' timeout at most (see {@link DatabaseHealth}); an H2 file that has grown past twice
     * its bound is DOWN too.
     */
    @Override
    public HealthCheckResult check() {
        HealthCheckResult result = health.check();
        return compaction == null ? result : compaction.check(result);
    }

    /** Compacts the H2 file now if it has grown past its bound; for tests. */
    boolean compactIfLarge() {
        return compaction != null && compaction.compactIfLarge();
    }

    /**
     * Renews (or takes, or reports) the leader lease of this agent's instance; see {@link LeaderLease}. Throws
     * {@link PersistenceException} when the database cannot be reached.
     */
    public LeaseState renewLease(Instant now) {
        return lease.renew(now);
    }

    /**
     * When this agent took its lease back from a previous run of its own that never released it (killed, crashed, or
     * its machine stopped): when that run last renewed it. Given once; empty after a clean stop.
     */
    public Optional<Instant> takeUncleanPreviousRun() {
        return lease.takeUncleanPreviousRun();
    }

    /** The lease as the last renewal or write found it: while leading, this agent alone evaluates, writes, delivers. */
    public LeaseState leaseState() {
        return lease.state();
    }

    /** First statement of every writing transaction: throws {@link FencedException} unless leading. */
    void fence(Handle handle) {
        lease.fence(handle);
    }

    @Override
    public void close() {
        if (compaction != null) {
            compaction.close();
        }
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
            try (Connection connection = DriverManager.getConnection(Connections.url(settings));
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
}
