package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.contract.SilenceStoreContract;
import com.airdrops.monitoring.domain.fixtures.Regexes;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The silence store contract on a real H2 file, and what an older version may have stored. */
class H2FileSilenceStoreTest extends SilenceStoreContract {
    @TempDir
    Path dir;

    private final List<Database> opened = new ArrayList<>();

    @Override
    protected SilenceStore newStore() {
        return new JdbiSilenceStore(open());
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

    @Test
    void aStoredSilenceWhoseRegexNoLongerParsesIsSetAsideAndTheOthersApply() {
        Database database = open();
        JdbiSilenceStore store = new JdbiSilenceStore(database);
        Instant now = Instant.now();
        store.add(new Silence(
                "good", List.of(Regexes.matcher("alertname", "risk")), now, now.plusSeconds(3600), "ops", ""));
        // As a version that accepted backreferences stored it.
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("INSERT INTO silence (id, matchers, starts_at, ends_at, "
                                + "created_by, comment) VALUES ('old', :matchers, :starts, :ends, 'ops', '')")
                        .bind("matchers", "{\"wallet\":\"=~(\\\\w|a)*\\\\1b\"}")
                        .bind("starts", now.toEpochMilli())
                        .bind("ends", now.plusSeconds(3600).toEpochMilli())
                        .execute());

        assertThat(store.all()).extracting(Silence::id).containsExactly("good");
        assertThat(store.setAside()).containsExactly("old");
        assertThat(store.expire("old", now.plusSeconds(1)))
                .as("an operator can still end it")
                .hasValueSatisfying(expired -> assertThat(expired.endsAt()).isEqualTo(now.plusSeconds(1)));
    }
}
