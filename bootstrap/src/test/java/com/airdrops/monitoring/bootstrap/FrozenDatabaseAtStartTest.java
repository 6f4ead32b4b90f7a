package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.persistence.DatabaseSettings;
import com.airdrops.monitoring.adapters.persistence.TestPostgres;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A PostgreSQL that accepts connections but never answers (a frozen server behind a proxy) fails the start within
 * the database timeout, migration included, instead of hanging it.
 */
class FrozenDatabaseAtStartTest {

    @Test
    @Timeout(60) // without bounded migration connections, the start hangs for good
    void aServerThatNeverAnswersFailsTheStartWithinItsTimeout() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        try (FreezableProxy proxy = FreezableProxy.inFrontOf(url)) {
            proxy.freeze();
            String frozen = proxy.url();
            long started = System.nanoTime();

            assertThatThrownBy(() -> Database.open(new DatabaseSettings(frozen, 1, Duration.ofSeconds(2), "x")))
                    .isInstanceOf(PersistenceException.class)
                    .hasMessageContaining("cannot open the database at jdbc:postgresql://127.0.0.1:" + proxy.port());

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("bounded by the 2 s timeout (connecting and logging in), with margin")
                    .isLessThan(Duration.ofSeconds(15));
        }
    }
}
