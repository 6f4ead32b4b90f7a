package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every pooled PostgreSQL connection reads with a timeout: a server that stops answering mid-statement (frozen, or
 * a network that drops packets) ends the read at twice the configured timeout instead of hanging its thread for good.
 */
class PostgresConnectionTimeoutsTest {
    @Test
    void pooledConnectionsReadWithTwiceTheConfiguredTimeout() throws Exception {
        DatabaseSettings settings = new DatabaseSettings(
                TestPostgres.freshSchemaUrlOrFail(),
                1,
                Duration.ofSeconds(3),
                DatabaseSettings.DEFAULT_INSTANCE,
                "holder",
                Duration.ofSeconds(10));
        try (HikariDataSource pool = Connections.pool("test", Connections.url(settings), settings, 1);
                Connection connection = pool.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(6_000);
        }
    }
}
