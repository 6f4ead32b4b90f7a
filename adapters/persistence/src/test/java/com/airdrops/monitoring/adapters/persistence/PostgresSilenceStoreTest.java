package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.contract.SilenceStoreContract;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The silence store contract on a real PostgreSQL server. */
class PostgresSilenceStoreTest extends SilenceStoreContract {
    private final List<Database> opened = new ArrayList<>();

    @Override
    protected SilenceStore newStore() {
        Database database = Database.open(TestPostgres.freshSchemaUrlOrFail());
        opened.add(database);
        return new JdbiSilenceStore(database);
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }
}
