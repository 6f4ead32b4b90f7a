package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The append-only H2 file is compacted while the agent runs once it is past its bound: the file shrinks to its live
 * data, nothing committed is lost, and writes go on through the pools afterwards.
 */
class H2FileCompactionTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFileFarLargerThanItsDataIsCompactedWhileOpenAndKeepsEveryRow() throws Exception {
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("monitoring"))) {
            JdbiAlertRepository repository = new JdbiAlertRepository(database);
            repository.save(
                    new AlertChanges(List.of(), List.of(), List.of(H2FileAlertRepositoryTest.firingAt(T0)), List.of()));
            churn(database, 1_200);
            Path file = dir.resolve("monitoring.mv.db");
            long grown = Files.size(file);
            assertThat(grown).as("append-only commits grew the file").isGreaterThan(H2FileCompaction.FLOOR_BYTES);

            // A write that starts while the pools are paused waits for the compaction and then goes through.
            CompletableFuture<Boolean> compacted = CompletableFuture.supplyAsync(database::compactIfLarge);
            repository.save(new AlertChanges(
                    List.of(), List.of(), List.of(H2FileAlertRepositoryTest.firingAt(T0.plusSeconds(1))), List.of()));

            assertThat(compacted.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.size(file)).isLessThan(grown / H2FileCompaction.RATIO);
            assertThat(repository.history(T0.minusSeconds(1), 10)).hasSize(2);
            repository.save(new AlertChanges(
                    List.of(), List.of(), List.of(H2FileAlertRepositoryTest.firingAt(T0.plusSeconds(2))), List.of()));
            assertThat(repository.history(T0.minusSeconds(1), 10)).hasSize(3);
            assertThat(database.check()).isInstanceOf(HealthCheckResult.Up.class);
            assertThat(database.compactIfLarge()).as("nothing left to gain").isFalse();
            assertThat(value(database.samples(T0), MetricCatalog.DATABASE_COMPACTIONS))
                    .isEqualTo(1);
            assertThat(value(database.samples(T0), MetricCatalog.DATABASE_FILE_BYTES))
                    .isEqualTo(Files.size(file));
        }
    }

    @Test
    void aSmallFileIsLeftAlone() {
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("monitoring"))) {
            churn(database, 20);
            assertThat(database.compactIfLarge()).isFalse();
        }
    }

    /** Rewrites one 4 KB row again and again: every commit appends a chunk, the live data stays one row. */
    private static void churn(Database database, int commits) {
        database.jdbi()
                .useHandle(handle ->
                        handle.execute("CREATE TABLE IF NOT EXISTS churn (id INT PRIMARY KEY, body VARCHAR(8000))"));
        for (int i = 0; i < commits; i++) {
            int n = i;
            database.jdbi()
                    .useHandle(handle -> handle.execute(
                            "MERGE INTO churn VALUES (1, ?)",
                            (n + "x").repeat(4_000 / (String.valueOf(n).length() + 1))));
        }
    }

    private static double value(List<Sample> samples, String name) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .findFirst()
                .orElseThrow()
                .value();
    }
}
