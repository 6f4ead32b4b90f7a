package com.airdrops.monitoring.domain.model.notification;

import java.time.Duration;

/**
 * How notifications are sent (the {@code policy:} of notifications.yaml): resolved notifications or not, how soon a
 * still-firing alert is sent again, how many messages a channel takes per minute, and the retry schedule.
 */
public record NotificationPolicy(
        boolean sendResolved,
        Duration repeatInterval,
        int rateLimitPerMinute,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration timeout) {

    public static final NotificationPolicy DEFAULT = new NotificationPolicy(
            true, Duration.ofHours(1), 30, 5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10));

    public NotificationPolicy {
        positive(repeatInterval, "repeat_interval_seconds");
        positive(initialBackoff, "initial_backoff_seconds");
        positive(maxBackoff, "max_backoff_seconds");
        positive(timeout, "timeout_seconds");
        if (rateLimitPerMinute <= 0) {
            throw new IllegalArgumentException("rate_limit_per_minute must be > 0, got " + rateLimitPerMinute);
        }
        if (maxAttempts <= 0) {
            throw new IllegalArgumentException("max_attempts must be > 0, got " + maxAttempts);
        }
    }

    private static void positive(Duration duration, String field) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be > 0");
        }
    }
}
