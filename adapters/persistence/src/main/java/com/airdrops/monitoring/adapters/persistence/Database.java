package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driving.HealthCheck;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert database: H2 or PostgreSQL by its JDBC URL, migrated with Flyway at open. An H2 file database is kept
 * open by one idle connection for the agent's lifetime and written without delay ({@code WRITE_DELAY=0}), so that a
 * committed transition survives a crash. Thread-safe.
 */
public final class Database implements AutoCloseable, HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String url;
    private final Jdbi jdbi;
    private final Connection keeper;

    private Database(String url, Jdbi jdbi, Connection keeper) {
        this.url = url;
        this.jdbi = jdbi;
        this.keeper = keeper;
    }

    /** Opens and migrates the database; a failure is a {@link PersistenceException} naming the URL (without secrets). */
    public static Database open(String jdbcUrl) {
        String url = durable(jdbcUrl);
        try {
            Connection keeper = url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url) : null;
            UrlDataSource dataSource = new UrlDataSource(url);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("Database ready at {}", redacted(url));
            return new Database(url, Jdbi.create(dataSource), keeper);
        } catch (SQLException | RuntimeException e) {
            throw new PersistenceException("cannot open the database at " + redacted(url) + ": " + rootMessage(e), e);
        }
    }

    Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResult check() {
        try {
            jdbi.withHandle(handle ->
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            return HealthCheckResult.up(redacted(url));
        } catch (RuntimeException e) {
            return HealthCheckResult.down(rootMessage(e));
        }
    }

    @Override
    public void close() {
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                LOG.warn("Closing the database failed: {}", e.getMessage());
            }
        }
    }

    /** H2 keeps committed changes in memory for up to 500 ms by default; write them at once instead. */
    static String durable(String url) {
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
            return url + ";WRITE_DELAY=0";
        }
        return url;
    }

    /** The URL without query parameters or H2 settings, which may carry passwords. */
    static String redacted(String url) {
        int cut = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int index = url.indexOf(separator);
            if (index >= 0) {
                cut = Math.min(cut, index);
            }
        }
        return url.substring(0, cut);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
