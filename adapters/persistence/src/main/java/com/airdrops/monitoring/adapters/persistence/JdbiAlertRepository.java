package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AllInstances;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.NamedInstance;
import com.airdrops.monitoring.domain.model.alert.OwnInstance;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Alert state and history in {@code alert_state} and {@code alert_history}, each row owned by the agent's instance:
 * agents sharing the database never read, restore or delete each other's rows. A pass's transitions are written in one
 * transaction together with the notifications they cause ({@link OutboxRows}), which {@link JdbiNotificationOutbox}
 * then delivers. Thread-safe.
 */
public final class JdbiAlertRepository implements AlertRepository {
    private final Jdbi jdbi;
    private final Jdbi readJdbi;
    private final String instance;
    private final Database database;

    public JdbiAlertRepository(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.readJdbi = database.readJdbi();
        this.instance = database.instance();
    }

    @Override
    public List<ActiveAlert> loadActive() {
        return StoreFailures.wrap(
                "loading active alerts",
                () -> jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT * FROM alert_state WHERE instance = :instance ORDER BY pending_since")
                        .bind("instance", instance)
                        .map((rs, ctx) -> AlertRows.active(rs))
                        .list()));
    }

    @Override
    public void save(AlertChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        StoreFailures.wrap("saving alert changes", () -> {
            jdbi.useTransaction(handle -> {
                database.fence(handle);
                for (String fingerprint : changes.removedFingerprints()) {
                    deleteState(handle, fingerprint);
                }
                for (ActiveAlert alert : changes.upserts()) {
                    deleteState(handle, alert.fingerprint());
                    insertState(handle, alert);
                }
                insertHistory(handle, changes.transitions());
                OutboxRows.insert(handle, instance, changes.notifications());
            });
            return null;
        });
    }

    /**
     * The text budget is kept by the database, in two steps: the first reads only numbers (each row's place and the
     * size of the rows before it in the page's order, a window sum) to find where the page ends; the second reads the
     * rows of that range whole. No step holds more text than the budget, in the agent or in an embedded H2, which
     * keeps a window query's rows in the agent's heap.
     */
    @Override
    public HistoryPage history(
            Instant since, Optional<HistoryCursor> after, int limit, long maxTextChars, InstanceScope scope) {
        Optional<String> owner = switch (scope) {
            case OwnInstance own -> Optional.of(instance);
            case NamedInstance named -> Optional.of(named.instance());
            case AllInstances all -> Optional.empty();
        };
        String where = "h.occurred_at >= :since" + (owner.isPresent() ? " AND h.instance = :instance" : "")
                + (after.isPresent() ? " AND (h.occurred_at < :at OR (h.occurred_at = :at AND h.id < :row))" : "");
        return StoreFailures.wrap(
                "reading alert history",
                () -> readJdbi.withHandle(handle -> {
                    List<HistoryRow> measured = HistoryRow.bind(
                                    handle.createQuery(
                                            "SELECT id, occurred_at, matching FROM (SELECT h.id, h.occurred_at, "
                                                    + "COUNT(*) OVER () AS matching, SUM(" + HistoryRow.TEXT
                                                    + ") OVER (ORDER BY "
                                                    + "h.occurred_at DESC, h.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) "
                                                    + "AS text_before FROM alert_history h WHERE " + where
                                                    + " ORDER BY h.occurred_at "
                                                    + "DESC, h.id DESC LIMIT :limit) t WHERE COALESCE(text_before, 0) < :budget ORDER BY "
                                                    + "occurred_at DESC, id DESC"),
                                    since,
                                    owner,
                                    after)
                            .bind("limit", limit)
                            .bind("budget", maxTextChars)
                            .map((rs, ctx) -> new HistoryRow(
                                    new HistoryCursor(rs.getLong("occurred_at"), rs.getLong("id")),
                                    rs.getLong("matching")))
                            .list();
                    if (measured.isEmpty()) {
                        return new HistoryPage(List.of(), Optional.empty());
                    }
                    HistoryCursor first = measured.getFirst().cursor();
                    HistoryCursor last = measured.getLast().cursor();
                    List<Alert> rows = HistoryRow.bind(
                                    handle.createQuery("SELECT * FROM alert_history h WHERE " + where + " AND "
                                            + "(h.occurred_at < :firstAt OR (h.occurred_at = :firstAt AND h.id <= :firstRow)) "
                                            + "AND (h.occurred_at > :lastAt OR (h.occurred_at = :lastAt AND h.id >= :lastRow)) "
                                            + "ORDER BY h.occurred_at DESC, h.id DESC"),
                                    since,
                                    owner,
                                    after)
                            .bind("firstAt", first.occurredAtMillis())
                            .bind("firstRow", first.row())
                            .bind("lastAt", last.occurredAtMillis())
                            .bind("lastRow", last.row())
                            .map((rs, ctx) -> AlertRows.readableTransition(rs))
                            .stream()
                            .flatMap(Optional::stream)
                            .toList();
                    return new HistoryPage(
                            rows,
                            measured.getLast().matching() > measured.size() ? Optional.of(last) : Optional.empty());
                }));
    }

    @Override
    public long deleteHistoryOlderThan(Instant cutoff) {
        return StoreFailures.wrap(
                "deleting old alert history",
                () -> jdbi.inTransaction(handle -> {
                    database.fence(handle);
                    return (long)
                            handle.createUpdate("DELETE FROM alert_history WHERE instance = ? AND occurred_at < ?")
                                    .bind(0, instance)
                                    .bind(1, cutoff.toEpochMilli())
                                    .execute();
                }));
    }

    private void deleteState(Handle handle, String fingerprint) {
        handle.createUpdate("DELETE FROM alert_state WHERE instance = ? AND fingerprint = ?")
                .bind(0, instance)
                .bind(1, fingerprint)
                .execute();
    }

    private void insertState(Handle handle, ActiveAlert alert) {
        handle.createUpdate("INSERT INTO alert_state (instance, fingerprint, rule_name, metric_name, series_labels, "
                        + "labels, severity, status, current_value, threshold, description, pending_since, firing_since, "
                        + "summary, acked_by, ack_comment, acked_at, acked_until) "
                        + "VALUES (:instance, :fingerprint, :rule, :metric, :series, :labels, :severity, :status, :value, "
                        + ":threshold, :description, :pending, :firing, :summary, :ackedBy, :ackComment, :ackedAt, "
                        + ":ackedUntil)")
                .bind("instance", instance)
                .bind("fingerprint", alert.fingerprint())
                .bind("rule", alert.ruleName())
                .bind("metric", alert.metricName())
                .bind("series", LabelsJson.write(alert.seriesLabels()))
                .bind("labels", LabelsJson.write(alert.labels()))
                .bind("severity", alert.severity().name())
                .bind("status", alert.status().name())
                .bind("value", AlertRows.finiteOrNull(alert.currentValue()))
                .bind("threshold", alert.threshold())
                .bind("description", alert.description())
                .bind("pending", alert.pendingSince().toEpochMilli())
                .bind("firing", alert.firingSince().map(Instant::toEpochMilli).orElse(null))
                .bind("summary", alert.summary())
                .bindMap(AlertRows.acknowledgement(alert.acknowledgement()))
                .execute();
    }

    private void insertHistory(Handle handle, List<Alert> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO alert_history (instance, fingerprint, rule_name, "
                + "metric_name, labels, severity, status, current_value, threshold, description, occurred_at, "
                + "pending_since, firing_since, resolved_at, summary, event, silenced_by, acked_by, ack_comment, acked_at, "
                + "acked_until) VALUES (:instance, :fingerprint, :rule, :metric, :labels, :severity, :status, :value, "
                + ":threshold, :description, :at, :pending, :firing, :resolved, :summary, :event, :silencedBy, :ackedBy, "
                + ":ackComment, :ackedAt, :ackedUntil)");
        for (Alert alert : transitions) {
            batch.bind("instance", instance)
                    .bind("fingerprint", alert.fingerprint())
                    .bind("rule", alert.ruleName())
                    .bind("metric", alert.metricName())
                    .bind("labels", LabelsJson.write(alert.labels()))
                    .bind("severity", alert.severity().name())
                    .bind("status", alert.status().name())
                    .bind("value", AlertRows.finiteOrNull(alert.currentValue()))
                    .bind("threshold", alert.threshold())
                    .bind("description", alert.description())
                    .bind("at", alert.timestamp().toEpochMilli())
                    .bind(
                            "pending",
                            alert.pendingSince().map(Instant::toEpochMilli).orElse(null))
                    .bind(
                            "firing",
                            alert.firingSince().map(Instant::toEpochMilli).orElse(null))
                    .bind(
                            "resolved",
                            alert.resolvedAt().map(Instant::toEpochMilli).orElse(null))
                    .bind("summary", alert.summary())
                    .bind("event", alert.event().name())
                    .bind("silencedBy", LabelsJson.writeList(alert.marks().silencedBy()))
                    .bindMap(AlertRows.acknowledgement(alert.marks().acknowledgement()))
                    .add();
        }
        batch.execute();
    }
}
