package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.contract.AlertRepositoryContract;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The repository contract on a real PostgreSQL server, same code as on H2. */
class PostgresAlertRepositoryTest extends AlertRepositoryContract {
    private final List<Database> opened = new ArrayList<>();

    @Override
    protected AlertRepository newRepository() {
        try {
            Database database = Database.open(TestPostgres.freshSchemaUrl());
            opened.add(database);
            return new JdbiAlertRepository(database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }
}
