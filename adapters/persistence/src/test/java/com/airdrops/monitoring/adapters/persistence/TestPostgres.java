package com.airdrops.monitoring.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests: the one named by {@code MONITORING_TEST_POSTGRES_URL} (./test.sh starts
 * Debian's server and sets it when it runs as root, since PostgreSQL refuses to run as root), otherwise an embedded
 * server started from Maven's io.zonky binaries. Each call gives a fresh, empty schema.
 */
public final class TestPostgres {
    private static EmbeddedPostgres embedded;

    private TestPostgres() {}

    /** {@link #freshSchemaUrl()} for places that cannot throw checked exceptions (a test's setup method). */
    public static String freshSchemaUrlOrFail() {
        try {
            return freshSchemaUrl();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot reach the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    public static synchronized String freshSchemaUrl() throws IOException, SQLException {
        String base = System.getenv("MONITORING_TEST_POSTGRES_URL");
        if (base == null || base.isBlank()) {
            if ("root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException(
                        "PostgreSQL refuses to run as root, so the embedded server cannot start: "
                                + "run ./test.sh (it starts Debian's PostgreSQL and sets MONITORING_TEST_POSTGRES_URL) or set it");
            }
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder().start();
            }
            base = embedded.getJdbcUrl("postgres", "postgres");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(base);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
