package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Aggregates in the {@code aggregates} table, so that they survive restarts. Holds at most {@code maxRows}: after
 * each append the oldest rows beyond it are deleted (by id, which grows with every insert) and counted. Thread-safe.
 */
public final class JdbiAggregateStore implements AggregateStore, MetricsSource {
    private final Jdbi jdbi;
    private final Jdbi readJdbi;
    private final long maxRows;
    private final String instance;
    private final Database database;
    private final AtomicLong dropped = new AtomicLong();
    /**
     * Rows per insert batch. A window's close writes one row per series and function (thousands with 50 components),
     * and a batch holds every row's bound values until it runs: in one batch they outlived several young collections
     * and were promoted, some 10 MiB at each close, which grew the old generation (BENCHMARKS.md, footprint). In
     * batches of this size they die young; the rows still go in one transaction.
     */
    static final int BATCH_ROWS = 250;
    /** This agent's rows, counted at the first append and kept since; -1 until then. */
    private long stored = -1;

    public JdbiAggregateStore(Database database, long maxRows) {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("maxRows must be > 0");
        }
        this.jdbi = database.jdbi();
        this.readJdbi = database.readJdbi();
        this.maxRows = maxRows;
        this.instance = database.instance();
        this.database = database;
    }

    /**
     * Inserts the aggregates and then deletes this agent's oldest rows beyond the bound, counting them as dropped;
     * other agents' rows in a shared database are never touched.
     */
    @Override
    public synchronized void append(List<AggregatedMetric> aggregates) {
        if (aggregates.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(handle -> {
                database.fence(handle);
                long count = stored >= 0
                        ? stored
                        : handle.createQuery("SELECT COUNT(*) FROM aggregates WHERE instance = :instance")
                                .bind("instance", instance)
                                .mapTo(Long.class)
                                .one();
                for (int from = 0; from < aggregates.size(); from += BATCH_ROWS) {
                    insert(handle, aggregates.subList(from, Math.min(aggregates.size(), from + BATCH_ROWS)));
                }
                count += aggregates.size();
                if (count > maxRows) {
                    int deleted = handle.createUpdate("DELETE FROM aggregates WHERE id IN (SELECT id FROM aggregates "
                                    + "WHERE instance = :instance ORDER BY id LIMIT :excess)")
                            .bind("instance", instance)
                            .bind("excess", count - maxRows)
                            .execute();
                    dropped.addAndGet(deleted);
                    count -= deleted;
                }
                stored = count;
            });
        } catch (PersistenceException e) {
            stored = -1;
            throw e;
        } catch (RuntimeException e) {
            stored = -1; // the transaction may not have committed: count again next time
            throw new PersistenceException("storing aggregates failed: " + Failures.rootMessage(e), e);
        }
    }

    /** One batch of inserts, its bound rows garbage once it has run. */
    private void insert(Handle handle, List<AggregatedMetric> aggregates) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO aggregates (instance, metric_name, labels, "
                + "aggregation_type, agg_value, window_end) VALUES (:instance, :name, :labels, :type, :value, :end)");
        for (AggregatedMetric aggregate : aggregates) {
            batch.bind("instance", instance)
                    .bind("name", aggregate.metricName())
                    .bind("labels", LabelsJson.write(aggregate.labels()))
                    .bind("type", aggregate.aggregationType())
                    .bind("value", Double.isFinite(aggregate.value()) ? aggregate.value() : null)
                    .bind("end", aggregate.timestamp().toEpochMilli())
                    .add();
        }
        batch.execute();
    }

    @Override
    public List<AggregatedMetric> query(Instant start, Instant end, String nameFilter, int limit) {
        try {
            return readJdbi.withHandle(handle -> handle.createQuery(
                            "SELECT * FROM aggregates WHERE instance = :instance AND window_end >= :start AND window_end "
                                    + "<= :end AND metric_name LIKE :name ESCAPE '!' ORDER BY window_end, id LIMIT :limit")
                    .bind("instance", instance)
                    .bind("start", start.toEpochMilli())
                    .bind("end", end.toEpochMilli())
                    .bind("name", "%" + escapeLike(nameFilter) + "%")
                    .bind("limit", limit)
                    .map((rs, ctx) -> {
                        double value = rs.getDouble("agg_value");
                        return new AggregatedMetric(
                                rs.getString("metric_name"),
                                rs.wasNull() ? Double.NaN : value,
                                Instant.ofEpochMilli(rs.getLong("window_end")),
                                LabelsJson.read(rs.getString("labels")),
                                rs.getString("aggregation_type"));
                    })
                    .list());
        } catch (RuntimeException e) {
            throw new PersistenceException("querying aggregates failed: " + Failures.rootMessage(e), e);
        }
    }

    @Override
    public synchronized long deleteOlderThan(Instant cutoff) {
        try {
            long deleted = jdbi.inTransaction(handle -> {
                database.fence(handle);
                return (long) handle.createUpdate("DELETE FROM aggregates WHERE instance = ? AND window_end < ?")
                        .bind(0, instance)
                        .bind(1, cutoff.toEpochMilli())
                        .execute();
            });
            if (stored >= 0) {
                stored = Math.max(0, stored - deleted);
            }
            return deleted;
        } catch (PersistenceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PersistenceException("deleting old aggregates failed: " + Failures.rootMessage(e), e);
        }
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(Sample.of(MetricCatalog.AGGREGATES_DROPPED, dropped.get(), now));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
