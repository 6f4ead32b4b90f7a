package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.persistence.DatabaseSettings;
import com.airdrops.monitoring.adapters.persistence.TestPostgres;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A PostgreSQL that accepts connections but never answers (a frozen server behind a proxy) fails the start within
 * the database timeout, migration included, instead of hanging it.
 */
class FrozenDatabaseAtStartTest {
    private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");

    @Test
    @Timeout(60) // without bounded migration connections, the start hangs for good
    void aServerThatNeverAnswersFailsTheStartWithinItsTimeout() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        Matcher hostPort = HOST_PORT.matcher(url);
        assertThat(hostPort.find()).as("host and port in %s", url).isTrue();
        try (FreezableProxy proxy = new FreezableProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)))) {
            proxy.freeze();
            String frozen = hostPort.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
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
