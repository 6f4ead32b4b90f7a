package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.contract.AggregateStoreContract;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregate store contract on a real H2 file and a real PostgreSQL, plus the row bound. */
class JdbiAggregateStoreTest {
    private static final List<Database> OPENED = new ArrayList<>();

    @AfterEach
    void close() {
        OPENED.forEach(Database::close);
        OPENED.clear();
    }

    private static Database track(Database database) {
        OPENED.add(database);
        return database;
    }

    @Nested
    class OnH2File extends AggregateStoreContract {
        @TempDir
        Path dir;

        @Override
        protected AggregateStore newStore() {
            return new JdbiAggregateStore(track(Database.open("jdbc:h2:file:" + dir.resolve("db"))), 1_000);
        }

        @Test
        void theOldestRowsBeyondTheBoundAreDroppedAndCounted() {
            JdbiAggregateStore store =
                    new JdbiAggregateStore(track(Database.open("jdbc:h2:file:" + dir.resolve("small"))), 3);
            List<AggregatedMetric> five = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                five.add(new AggregatedMetric("m_avg", i, T0.plusSeconds(i), Map.of(), "avg"));
            }
            store.append(five);

            assertThat(store.query(T0, T0.plusSeconds(10), "", 10))
                    .extracting(AggregatedMetric::value)
                    .containsExactly(2.0, 3.0, 4.0);
            assertThat(store.samples(T0))
                    .singleElement()
                    .extracting(sample -> sample.value())
                    .isEqualTo(2.0);
        }
    }

    @Nested
    class InBatches {
        private static final Instant WINDOW_END = Instant.parse("2026-11-26T12:05:00Z");

        @TempDir
        Path dir;

        @Test
        void aWindowOfMoreRowsThanOneBatchIsStoredWhole() {
            JdbiAggregateStore store =
                    new JdbiAggregateStore(track(Database.open("jdbc:h2:file:" + dir.resolve("db"))), 10_000);
            int rows = 2 * JdbiAggregateStore.BATCH_ROWS + 7;
            List<AggregatedMetric> window = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                window.add(new AggregatedMetric("m_avg", i, WINDOW_END, Map.of("series", String.valueOf(i)), "avg"));
            }
            store.append(window);

            assertThat(store.query(WINDOW_END, WINDOW_END.plusSeconds(1), "", rows))
                    .extracting(AggregatedMetric::value)
                    .containsExactlyInAnyOrderElementsOf(
                            window.stream().map(AggregatedMetric::value).toList());
        }
    }

    @Nested
    class OnPostgres extends AggregateStoreContract {
        @Override
        protected AggregateStore newStore() {
            try {
                return new JdbiAggregateStore(track(Database.open(TestPostgres.freshSchemaUrl())), 1_000);
            } catch (Exception e) {
                throw new IllegalStateException("cannot reach the test PostgreSQL: " + e.getMessage(), e);
            }
        }
    }
}
