package com.airdrops.monitoring.domain.spi;

import com.airdrops.monitoring.domain.model.notification.Notification;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends notifications to one configured channel (email, Slack, webhook, Alertmanager or a plugin's type). Must
 * return within about {@code timeout}; expected failures are returned, never thrown. Thread-safe.
 */
public interface AlertNotifier {
    DeliveryOutcome send(Notification notification, Duration timeout);

    /** The result of one delivery attempt; every failure says whether trying again can help. */
    sealed interface DeliveryOutcome {
        /** The receiver accepted the notification. */
        record Delivered() implements DeliveryOutcome {}

        /**
         * Not delivered, but a later attempt may succeed (timeout, connection refused, HTTP 5xx or 429).
         * {@code retryAfter} is the receiver's own request (HTTP 429 Retry-After). The reason must not contain secrets.
         */
        record RetryLater(String reason, Optional<Duration> retryAfter) implements DeliveryOutcome {
            public RetryLater {
                retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
            }
        }

        /** Not delivered, and trying again cannot help (e.g. HTTP 400). The reason must not contain secrets. */
        record Rejected(String reason) implements DeliveryOutcome {}

        static DeliveryOutcome delivered() {
            return new Delivered();
        }

        static DeliveryOutcome retry(String reason) {
            return new RetryLater(reason, Optional.empty());
        }

        static DeliveryOutcome rejected(String reason) {
            return new Rejected(reason);
        }
    }
}
