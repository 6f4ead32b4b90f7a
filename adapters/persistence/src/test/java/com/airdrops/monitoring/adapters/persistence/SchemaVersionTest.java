package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start skips Flyway only on a schema this build's migrations have brought fully up to date. */
class SchemaVersionTest {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path dir;

    @Test
    void theVersionTheStartChecksIsTheHighestMigrationShipped() throws Exception {
        int highest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            highest = files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                    .max()
                    .orElseThrow();
        }
        assertThat(SchemaMigration.SCHEMA_VERSION).isEqualTo(highest);
    }

    @Test
    void aNewDatabaseIsMigratedAndAnUpToDateOneIsNotMigratedAgain() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("monitoring");
        UrlDataSource source = new UrlDataSource(url);
        assertThat(SchemaMigration.upToDate(source, Duration.ofSeconds(5)))
                .as("no history yet")
                .isFalse();

        Database.open(url).close();
        assertThat(SchemaMigration.upToDate(source, Duration.ofSeconds(5))).isTrue();

        try (var connection = source.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '9'");
        }
        assertThat(SchemaMigration.upToDate(source, Duration.ofSeconds(5)))
                .as("a failed migration is Flyway's to report")
                .isFalse();
    }
}
