package com.airdrops.monitoring.domain.spi;

import com.airdrops.monitoring.domain.model.notification.NotificationChannel;

/**
 * Plugin SPI for a notification channel type: a jar lists its implementation in
 * {@code META-INF/services/com.airdrops.monitoring.domain.spi.AlertNotifierFactory}; built-in types use it too.
 */
public interface AlertNotifierFactory {
    /** The {@code type} notifications.yaml names. */
    String type();

    /** Checks the channel's config and creates its notifier; bad config is an {@link IllegalArgumentException}. */
    AlertNotifier create(NotificationChannel channel);

    /**
     * Whether the channel's service tracks incidents that an acknowledgement made in the agent should update (as
     * PagerDuty's {@code acknowledge} event): its notifier is then also sent each acknowledged alert, whose
     * {@code event()} is {@code ACKNOWLEDGED}. False by default: a chat does not need a message per acknowledgement.
     */
    default boolean takesAcknowledgements() {
        return false;
    }
}
