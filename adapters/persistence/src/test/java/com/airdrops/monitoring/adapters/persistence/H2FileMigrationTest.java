package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file is created and upgraded on a file of its own, moved into place when complete: a start killed while
 * creating it leaves nothing behind, and a migration that fails half-way (or a start killed in it) leaves an older
 * file as it was, which a later start upgrades with its rows.
 */
class H2FileMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aFileLeftByAStartKilledWhileCreatingTheDatabaseIsReplacedByAWholeOne() throws Exception {
        Path base = dir.resolve("data/monitoring");
        Files.createDirectories(base.getParent());
        // What a SIGKILL in the middle of the first migration leaves: the half-made file under its other name.
        Files.write(Path.of(base + ".creating.mv.db"), new byte[] {1, 2, 3});

        try (Database database = Database.open("jdbc:h2:file:" + base)) {
            assertThat(database.check().toString()).contains("Up");
        }

        assertThat(Path.of(base + ".mv.db")).exists();
        assertThat(Path.of(base + ".creating.mv.db")).doesNotExist();
        // And the next start finds the schema complete.
        try (Database again = Database.open("jdbc:h2:file:" + base)) {
            assertThat(again.check().toString()).contains("Up");
        }
    }

    @Test
    void aMigrationThatFailsHalfWayLeavesTheOldFileAsItWasAndALaterStartUpgradesIt() throws Exception {
        Path base = dir.resolve("data/monitoring");
        Files.createDirectories(base.getParent());
        String url = "jdbc:h2:file:" + base;
        // A database of an earlier release (schema version 5) with a row of its own.
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .placeholders(Map.of("instance", "vm"))
                .target("5")
                .load()
                .migrate();
        execute(url, "CREATE TABLE kept (x INT)", "INSERT INTO kept VALUES (42)");
        // Version 6 then fails after its first statements have been committed (H2 commits each DDL statement).
        execute(url, "ALTER TABLE notification_log ADD COLUMN instance VARCHAR(255)");

        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining("cannot upgrade the database file " + base + ".mv.db (left as it was)");

        assertThat(query(url, "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\""))
                .as("the old file's schema version")
                .isEqualTo(5);
        assertThat(query(
                        url,
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                                + " WHERE TABLE_NAME = 'ALERT_HISTORY' AND COLUMN_NAME = 'INSTANCE'"))
                .as("version 6's first statements are not in the old file")
                .isZero();
        assertThat(Path.of(base + ".upgrading.mv.db")).doesNotExist();

        // The cause removed, and a copy left by a start killed while upgrading: the next start upgrades the file.
        execute(url, "ALTER TABLE notification_log DROP COLUMN instance");
        Files.write(Path.of(base + ".upgrading.mv.db"), new byte[] {1, 2, 3});
        try (Database database = Database.open(url)) {
            assertThat(database.check().toString()).contains("Up");
        }
        assertThat(SchemaMigration.upToDate(new UrlDataSource(url), Duration.ofSeconds(5)))
                .isTrue();
        assertThat(query(url, "SELECT x FROM kept")).isEqualTo(42);
        assertThat(Path.of(base + ".upgrading.mv.db")).doesNotExist();
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
