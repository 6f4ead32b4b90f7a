package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new H2 file appears only once its schema is complete: a start killed while creating it leaves nothing behind. */
class H2FileCreationTest {
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
}
