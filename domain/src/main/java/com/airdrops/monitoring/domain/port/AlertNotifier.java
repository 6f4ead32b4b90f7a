package com.airdrops.monitoring.domain.port;

import com.airdrops.monitoring.domain.model.Notification;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends notifications to one configured channel (email, Slack, webhook, Alertmanager or a plugin's type). Must
 * return within about {@code timeout}; expected failures are returned, never thrown. Thread-safe.
 */
public interface AlertNotifier {
    DeliveryOutcome send(Notification notification, Duration timeout);

    /** The result of one delivery attempt. */
    sealed interface DeliveryOutcome {
        record Delivered() implements DeliveryOutcome {
        }

        /**
         * Not delivered. {@code retryable} false means trying again cannot help (e.g. HTTP 400); {@code retryAfter}
         * is the receiver's own request (HTTP 429 Retry-After). The reason must not contain secrets.
         */
        record Failed(String reason, boolean retryable, Optional<Duration> retryAfter) implements DeliveryOutcome {
        }

        static DeliveryOutcome delivered() {
            return new Delivered();
        }

        static DeliveryOutcome retry(String reason) {
            return new Failed(reason, true, Optional.empty());
        }
    }
}
