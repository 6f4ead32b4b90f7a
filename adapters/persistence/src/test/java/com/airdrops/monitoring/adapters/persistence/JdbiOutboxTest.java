package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.contract.NotificationOutboxContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The outbox contract on a real H2 file and a real PostgreSQL. */
class JdbiOutboxTest {
    private static final List<Database> OPENED = new ArrayList<>();

    @AfterEach
    void close() {
        OPENED.forEach(Database::close);
        OPENED.clear();
    }

    private static NotificationOutboxContract.Storage storage(String url) {
        Database database = Database.open(url);
        OPENED.add(database);
        return new NotificationOutboxContract.Storage(
                new JdbiAlertRepository(database), new JdbiNotificationOutbox(database));
    }

    @Nested
    class OnH2File extends NotificationOutboxContract {
        @TempDir
        Path dir;

        @Override
        protected Storage newStorage() {
            return storage("jdbc:h2:file:" + dir.resolve("db"));
        }
    }

    @Nested
    class OnPostgres extends NotificationOutboxContract {
        @Override
        protected Storage newStorage() {
            try {
                return storage(TestPostgres.freshSchemaUrl());
            } catch (Exception e) {
                throw new IllegalStateException("cannot reach the test PostgreSQL: " + e.getMessage(), e);
            }
        }
    }
}
