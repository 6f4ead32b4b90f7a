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
}
