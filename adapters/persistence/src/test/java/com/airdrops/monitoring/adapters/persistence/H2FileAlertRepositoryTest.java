package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.contract.AlertRepositoryContract;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on a real H2 file, plus what only a file shows: data survives closing and reopening. */
class H2FileAlertRepositoryTest extends AlertRepositoryContract {
    @TempDir
    Path dir;

    private final List<Database> opened = new ArrayList<>();

    @Override
    protected AlertRepository newRepository() {
        return new JdbiAlertRepository(open());
    }

    private Database open() {
        Database database = Database.open("jdbc:h2:file:" + dir.resolve("monitoring"));
        opened.add(database);
        return database;
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    /**
     * H2 closes its store after a write fails (a full disk) and its sessions answer "database closed" for good; a
     * shutdown from outside leaves the pool's sessions the same way. The pool replaces them, so the agent writes
     * again once the cause is gone, without a restart, and what was committed before is still there.
     */
    @Test
    void aStoreThatClosedItselfIsOpenedAgainByTheNextWrite() throws Exception {
        opened.forEach(Database::close);
        opened.clear();
        Database database = open();
        JdbiAlertRepository repository = new JdbiAlertRepository(database);
        repository.save(new AlertChanges(List.of(), List.of(), List.of(firingAt(T0)), List.of()));
        try (java.sql.Connection outside = java.sql.DriverManager.getConnection(
                        Connections.url(DatabaseSettings.defaults("jdbc:h2:file:" + dir.resolve("monitoring"))));
                java.sql.Statement statement = outside.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        }

        int writeFailures = failuresBefore(() -> repository.save(
                new AlertChanges(List.of(), List.of(), List.of(firingAt(T0.plusSeconds(1))), List.of())));
        int readFailures = failuresBefore(() -> repository.history(T0.minusSeconds(1), 10));

        assertThat(writeFailures + readFailures)
                .as("each pool's session of the closed store is replaced at its first failure")
                .isLessThanOrEqualTo(2);
        assertThat(repository.history(T0.minusSeconds(1), 10)).hasSize(2);
        assertThat(database.check()).isInstanceOf(HealthCheckResult.Up.class);
    }

    /** Runs {@code action} until it succeeds, at most three times; how many attempts failed before. */
    private static int failuresBefore(Runnable action) {
        for (int failures = 0; failures < 3; failures++) {
            try {
                action.run();
                return failures;
            } catch (com.airdrops.monitoring.domain.port.driven.PersistenceException e) {
                // the next attempt gets a new session
            }
        }
        throw new AssertionError("still failing after three attempts");
    }

    /** A firing risk alert at {@code at}, for the tests of this package that write one. */
    static com.airdrops.monitoring.domain.model.alert.Alert firingAt(java.time.Instant at) {
        return new com.airdrops.monitoring.domain.model.alert.Alert(
                "risk_critical", "risk_level", 3, 3, AlertSeverity.CRITICAL, new Firing(at, at), "Risk", at, Map.of());
    }

    @Test
    void theFilesSizeIsAMetric() throws Exception {
        Database database = open();

        assertThat(database.samples(T0))
                .filteredOn(sample -> sample.name().equals("monitoring_database_file_bytes"))
                .singleElement()
                .satisfies(sample -> assertThat(sample.value())
                        .isEqualTo((double) java.nio.file.Files.size(dir.resolve("monitoring.mv.db"))));
    }

    @Test
    void aCorruptHistoryRowIsLeftOutAndTheRestStillReads() {
        opened.forEach(Database::close);
        opened.clear();
        Database database = open();
        JdbiAlertRepository repository = new JdbiAlertRepository(database);
        repository.save(new AlertChanges(List.of(), List.of(), List.of(firingAt(T0)), List.of()));
        // A FIRING row without the instant it began firing: changed by hand, or by a bug.
        database.jdbi()
                .useHandle(
                        handle -> handle.execute(
                                "INSERT INTO alert_history (fingerprint, rule_name, "
                                        + "metric_name, labels, severity, status, current_value, threshold, description, occurred_at, "
                                        + "instance, summary) SELECT fingerprint, rule_name, metric_name, labels, severity, status, "
                                        + "current_value, threshold, description, occurred_at + 1000, instance, summary FROM alert_history"));

        assertThat(repository.history(T0.minusSeconds(1), 10))
                .singleElement()
                .extracting(com.airdrops.monitoring.domain.model.alert.Alert::timestamp)
                .isEqualTo(T0);
    }

    @Test
    void stateSurvivesReopeningTheFile() {
        // The contract's own repository holds the instance's leader lease: stop it, as a restart would.
        opened.forEach(Database::close);
        opened.clear();
        Database first = open();
        ActiveAlert alert = new ActiveAlert(
                "f".repeat(64),
                "risk_critical",
                "risk_level",
                Map.of(),
                Map.of(),
                AlertSeverity.CRITICAL,
                new Firing(T0, T0),
                3,
                3,
                "Risk");
        new JdbiAlertRepository(first).save(new AlertChanges(List.of(alert), List.of(), List.of(), List.of()));
        first.close();
        opened.remove(first);

        assertThat(new JdbiAlertRepository(open()).loadActive()).containsExactly(alert);
    }

    @Test
    void theHealthCheckAnswersAndTheUrlIsMadeDurableAndShownWithoutSecrets() {
        assertThat(open().check()).isInstanceOf(HealthCheckResult.Up.class);
        assertThat(Connections.url(DatabaseSettings.defaults("jdbc:h2:file:./data/monitoring")))
                .isEqualTo(
                        "jdbc:h2:file:./data/monitoring;WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;REUSE_SPACE=FALSE;"
                                + "LOCK_TIMEOUT=5000;TRACE_LEVEL_FILE=0");
        assertThat(Connections.withoutUserInfo(
                        "For input string: \"s3cretPW@127.0.0.1:1\"", "jdbc:h2:tcp://alice:s3cretPW@127.0.0.1:1/db"))
                .isEqualTo("For input string: \"127.0.0.1:1\"");
        assertThat(Connections.withoutUserInfo(
                        "alice:s3cretPW@127.0.0.1", "jdbc:postgresql://alice:s3cretPW@127.0.0.1:1/db"))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void anUnreachableDatabaseIsAPersistenceExceptionWithoutTheSecret() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Database.open("jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret"))
                .isInstanceOf(com.airdrops.monitoring.domain.port.driven.PersistenceException.class)
                .hasMessageStartingWith("cannot open the database at jdbc:postgresql://127.0.0.1:1/none:")
                .hasMessageNotContaining("secret");
    }
}
