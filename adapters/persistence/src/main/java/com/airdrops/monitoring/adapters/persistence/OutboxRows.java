package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.model.notification.OutboxStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The rows of {@code notification_log}: written by the alert repository in the transaction of the pass that caused
 * them, read and updated by the outbox.
 */
final class OutboxRows {
    private OutboxRows() {}

    static void insert(Handle handle, String instance, List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        long now = Instant.now().toEpochMilli();
        PreparedBatch batch = handle.prepareBatch("INSERT INTO notification_log (instance, event_id, channel, payload, "
                + "folded_messages, status, attempts, next_attempt_at, created_at, updated_at) VALUES (:instance, :event, "
                + ":channel, :payload, :folded, 'PENDING', 0, 0, :now, :now)"); // next_attempt_at 0: due at once
        for (Notification notification : notifications) {
            batch.bind("instance", instance)
                    .bind("event", notification.eventId())
                    .bind("channel", notification.channel())
                    .bind("payload", NotificationJson.write(notification.alerts()))
                    .bind("folded", notification.foldedMessages())
                    .bind("now", now)
                    .add();
        }
        batch.execute();
    }

    /**
     * Inserts entries as they stand, skipping each whose event id already has a row of the instance on its channel. A
     * settled entry's next attempt is when it was settled, its last update here.
     */
    static void adopt(Handle handle, String instance, List<OutboxEntry> entries) {
        for (OutboxEntry entry : entries) {
            Notification notification = entry.notification();
            boolean known = handle.createQuery("SELECT COUNT(*) FROM notification_log WHERE instance = :instance "
                                    + "AND event_id = :event AND channel = :channel")
                            .bind("instance", instance)
                            .bind("event", notification.eventId())
                            .bind("channel", notification.channel())
                            .mapTo(Long.class)
                            .one()
                    > 0;
            if (known) {
                continue;
            }
            boolean settled = entry.status() != OutboxStatus.PENDING;
            handle.createUpdate(
                            "INSERT INTO notification_log (instance, event_id, channel, payload, folded_messages, "
                                    + "status, attempts, last_error, next_attempt_at, created_at, updated_at) VALUES (:instance, "
                                    + ":event, :channel, :payload, :folded, :status, :attempts, :error, :next, :created, :updated)")
                    .bind("instance", instance)
                    .bind("event", notification.eventId())
                    .bind("channel", notification.channel())
                    .bind("payload", NotificationJson.write(notification.alerts()))
                    .bind("folded", notification.foldedMessages())
                    .bind("status", entry.status().name())
                    .bind("attempts", entry.attempts())
                    .bind("error", truncate(entry.lastError().orElse(null)))
                    .bind("next", entry.nextAttemptAt().toEpochMilli())
                    .bind("created", entry.createdAt().toEpochMilli())
                    .bind(
                            "updated",
                            settled
                                    ? entry.nextAttemptAt().toEpochMilli()
                                    : Instant.now().toEpochMilli())
                    .execute();
        }
    }

    static OutboxEntry entry(ResultSet rs) throws SQLException {
        Notification notification = new Notification(
                rs.getString("event_id"),
                rs.getString("channel"),
                NotificationJson.read(rs.getString("payload")),
                rs.getInt("folded_messages"));
        return new OutboxEntry(
                rs.getLong("id"),
                notification,
                OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    static String truncate(String error) {
        return error == null || error.length() <= 4000 ? error : error.substring(0, 4000);
    }
}
