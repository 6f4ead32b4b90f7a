package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.ActiveAlert;
import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.AlertChanges;
import com.airdrops.monitoring.domain.model.AlertFingerprint;
import com.airdrops.monitoring.domain.model.AlertSeverity;
import com.airdrops.monitoring.domain.model.AlertStatus;
import com.airdrops.monitoring.domain.model.Notification;
import com.airdrops.monitoring.domain.model.OutboxEntry;
import com.airdrops.monitoring.domain.model.OutboxEntry.OutboxStatus;
import com.airdrops.monitoring.domain.port.AlertRepository;
import com.airdrops.monitoring.domain.port.NotificationOutbox;
import com.airdrops.monitoring.domain.port.PersistenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Alert state, history and the notification outbox in {@code alert_state}, {@code alert_history} and
 * {@code notification_log}; a pass's transitions and notifications are written in one transaction. Thread-safe.
 */
public final class JdbiAlertRepository implements AlertRepository, NotificationOutbox {
    private final Jdbi jdbi;

    public JdbiAlertRepository(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public List<ActiveAlert> loadActive() {
        return wrap("loading active alerts", () -> jdbi.withHandle(handle ->
                handle.createQuery("SELECT * FROM alert_state ORDER BY pending_since")
                        .map((rs, ctx) -> active(rs)).list()));
    }

    @Override
    public void save(AlertChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        wrap("saving alert changes", () -> {
            jdbi.useTransaction(handle -> {
                for (String fingerprint : changes.removedFingerprints()) {
                    handle.createUpdate("DELETE FROM alert_state WHERE fingerprint = ?").bind(0, fingerprint).execute();
                }
                for (ActiveAlert alert : changes.upserts()) {
                    handle.createUpdate("DELETE FROM alert_state WHERE fingerprint = ?").bind(0, alert.fingerprint()).execute();
                    insertState(handle, alert);
                }
                insertHistory(handle, changes.transitions());
                insertNotifications(handle, changes.notifications());
            });
            return null;
        });
    }

    @Override
    public List<Alert> history(Instant since, int limit) {
        return wrap("reading alert history", () -> jdbi.withHandle(handle ->
                handle.createQuery("SELECT * FROM alert_history WHERE occurred_at >= :since "
                                + "ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                        .bind("since", since.toEpochMilli()).bind("limit", limit)
                        .map((rs, ctx) -> transition(rs)).list()));
    }

    @Override
    public long deleteHistoryOlderThan(Instant cutoff) {
        return wrap("deleting old alert history", () -> jdbi.withHandle(handle ->
                (long) handle.createUpdate("DELETE FROM alert_history WHERE occurred_at < ?")
                        .bind(0, cutoff.toEpochMilli()).execute()));
    }

    @Override
    public List<OutboxEntry> due(String channel, Instant now, int limit) {
        return wrap("reading the outbox", () -> jdbi.withHandle(handle ->
                handle.createQuery("SELECT * FROM notification_log WHERE channel = :channel AND status = 'PENDING' "
                                + "AND next_attempt_at <= :now ORDER BY id LIMIT :limit")
                        .bind("channel", channel).bind("now", now.toEpochMilli()).bind("limit", limit)
                        .map((rs, ctx) -> entry(rs)).list()));
    }

    @Override
    public void markSent(long id, int attempts, Instant at) {
        mark(id, OutboxStatus.SENT, attempts, null, at, at);
    }

    @Override
    public void markRetry(long id, int attempts, String error, Instant nextAttemptAt) {
        mark(id, OutboxStatus.PENDING, attempts, error, nextAttemptAt, Instant.now());
    }

    @Override
    public void markDead(long id, int attempts, String error, Instant at) {
        mark(id, OutboxStatus.DEAD, attempts, error, at, at);
    }

    @Override
    public void markFolded(List<Long> ids, Instant at) {
        wrap("updating the outbox", () -> {
            jdbi.useTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch("UPDATE notification_log SET status = 'FOLDED', updated_at = :at "
                        + "WHERE id = :id");
                ids.forEach(id -> batch.bind("id", id).bind("at", at.toEpochMilli()).add());
                batch.execute();
            });
            return null;
        });
    }

    @Override
    public List<OutboxEntry> dead(int limit) {
        return wrap("reading dead letters", () -> jdbi.withHandle(handle ->
                handle.createQuery("SELECT * FROM notification_log WHERE status = 'DEAD' ORDER BY id DESC LIMIT :limit")
                        .bind("limit", limit).map((rs, ctx) -> entry(rs)).list()));
    }

    @Override
    public boolean replay(long id, Instant at) {
        return wrap("replaying a dead letter", () -> jdbi.withHandle(handle ->
                handle.createUpdate("UPDATE notification_log SET status = 'PENDING', attempts = 0, next_attempt_at = :at, "
                                + "updated_at = :at WHERE id = :id AND status = 'DEAD'")
                        .bind("id", id).bind("at", at.toEpochMilli()).execute() == 1));
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return wrap("reading the outbox", () -> jdbi.withHandle(handle ->
                handle.createQuery("SELECT * FROM notification_log WHERE id = :id").bind("id", id)
                        .map((rs, ctx) -> entry(rs)).findOne()));
    }

    @Override
    public long depth() {
        return wrap("counting the outbox", () -> jdbi.withHandle(handle ->
                handle.createQuery("SELECT COUNT(*) FROM notification_log WHERE status = 'PENDING'").mapTo(Long.class).one()));
    }

    private void mark(long id, OutboxStatus status, int attempts, String error, Instant next, Instant at) {
        wrap("updating the outbox", () -> jdbi.withHandle(handle ->
                handle.createUpdate("UPDATE notification_log SET status = :status, attempts = :attempts, "
                                + "last_error = :error, next_attempt_at = :next, updated_at = :at WHERE id = :id")
                        .bind("status", status.name()).bind("attempts", attempts).bind("error", truncate(error))
                        .bind("next", next.toEpochMilli()).bind("at", at.toEpochMilli()).bind("id", id).execute()));
    }

    private static void insertNotifications(Handle handle, List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        long now = Instant.now().toEpochMilli();
        PreparedBatch batch = handle.prepareBatch("INSERT INTO notification_log (event_id, channel, payload, "
                + "folded_messages, status, attempts, next_attempt_at, created_at, updated_at) VALUES (:event, :channel, "
                + ":payload, :folded, 'PENDING', 0, 0, :now, :now)"); // next_attempt_at 0: due at once
        for (Notification notification : notifications) {
            batch.bind("event", notification.eventId()).bind("channel", notification.channel())
                    .bind("payload", NotificationJson.write(notification.alerts()))
                    .bind("folded", notification.foldedMessages()).bind("now", now).add();
        }
        batch.execute();
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        Notification notification = new Notification(rs.getString("event_id"), rs.getString("channel"),
                NotificationJson.read(rs.getString("payload")), rs.getInt("folded_messages"));
        return new OutboxEntry(rs.getLong("id"), notification, OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), Optional.ofNullable(rs.getString("last_error")),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 4000 ? error : error.substring(0, 4000);
    }

    private static void insertState(Handle handle, ActiveAlert alert) {
        handle.createUpdate("INSERT INTO alert_state (fingerprint, rule_name, metric_name, series_labels, labels, severity, "
                        + "status, current_value, threshold, description, pending_since, firing_since) VALUES (:fingerprint, "
                        + ":rule, :metric, :series, :labels, :severity, :status, :value, :threshold, :description, :pending, :firing)")
                .bind("fingerprint", alert.fingerprint()).bind("rule", alert.ruleName()).bind("metric", alert.metricName())
                .bind("series", LabelsJson.write(alert.seriesLabels())).bind("labels", LabelsJson.write(alert.labels()))
                .bind("severity", alert.severity().name()).bind("status", alert.status().name())
                .bind("value", finiteOrNull(alert.currentValue())).bind("threshold", alert.threshold())
                .bind("description", alert.description()).bind("pending", alert.pendingSince().toEpochMilli())
                .bind("firing", alert.firingSince().map(Instant::toEpochMilli).orElse(null))
                .execute();
    }

    private static void insertHistory(Handle handle, List<Alert> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO alert_history (fingerprint, rule_name, metric_name, labels, "
                + "severity, status, current_value, threshold, description, occurred_at, firing_since, resolved_at) VALUES "
                + "(:fingerprint, :rule, :metric, :labels, :severity, :status, :value, :threshold, :description, :at, "
                + ":firing, :resolved)");
        for (Alert alert : transitions) {
            batch.bind("fingerprint", AlertFingerprint.of(alert.ruleName(), alert.labels())).bind("rule", alert.ruleName())
                    .bind("metric", alert.metricName()).bind("labels", LabelsJson.write(alert.labels()))
                    .bind("severity", alert.severity().name()).bind("status", alert.status().name())
                    .bind("value", finiteOrNull(alert.currentValue())).bind("threshold", alert.threshold())
                    .bind("description", alert.description()).bind("at", alert.timestamp().toEpochMilli())
                    .bind("firing", alert.firingSince().map(Instant::toEpochMilli).orElse(null))
                    .bind("resolved", alert.resolvedAt().map(Instant::toEpochMilli).orElse(null))
                    .add();
        }
        batch.execute();
    }

    private static ActiveAlert active(ResultSet rs) throws SQLException {
        return new ActiveAlert(rs.getString("fingerprint"), rs.getString("rule_name"), rs.getString("metric_name"),
                LabelsJson.read(rs.getString("series_labels")), LabelsJson.read(rs.getString("labels")),
                AlertSeverity.valueOf(rs.getString("severity")), AlertStatus.valueOf(rs.getString("status")),
                doubleOrNaN(rs, "current_value"), rs.getDouble("threshold"), rs.getString("description"),
                Instant.ofEpochMilli(rs.getLong("pending_since")), instant(rs, "firing_since"));
    }

    private static Alert transition(ResultSet rs) throws SQLException {
        return new Alert(rs.getString("rule_name"), rs.getString("metric_name"), doubleOrNaN(rs, "current_value"),
                rs.getDouble("threshold"), AlertSeverity.valueOf(rs.getString("severity")),
                AlertStatus.valueOf(rs.getString("status")), rs.getString("description"),
                Instant.ofEpochMilli(rs.getLong("occurred_at")), LabelsJson.read(rs.getString("labels")),
                instant(rs, "firing_since"), instant(rs, "resolved_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static <T> T wrap(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PersistenceException(action + " failed: " + Database.rootMessage(e), e);
        }
    }
}
