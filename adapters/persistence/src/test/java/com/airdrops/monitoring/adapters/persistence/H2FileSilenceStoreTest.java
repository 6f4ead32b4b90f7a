package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.contract.SilenceStoreContract;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The silence store contract on a real H2 file. */
class H2FileSilenceStoreTest extends SilenceStoreContract {
    @TempDir
    Path dir;

    private final List<Database> opened = new ArrayList<>();

    @Override
    protected SilenceStore newStore() {
        Database database = Database.open("jdbc:h2:file:" + dir.resolve("monitoring"));
        opened.add(database);
        return new JdbiSilenceStore(database);
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }
}
