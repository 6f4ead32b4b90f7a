package com.airdrops.monitoring.domain.model.notification;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;
import java.util.Optional;

/** One row of the notification outbox: a notification and where its delivery stands. */
public record OutboxEntry(
        long id,
        Notification notification,
        OutboxStatus status,
        int attempts,
        Optional<String> lastError,
        Instant nextAttemptAt,
        Instant createdAt) {
    public OutboxEntry {
        Require.nonNull(notification, "notification");
        Require.nonNull(status, "status");
        lastError = lastError == null ? Optional.empty() : lastError;
    }
}
