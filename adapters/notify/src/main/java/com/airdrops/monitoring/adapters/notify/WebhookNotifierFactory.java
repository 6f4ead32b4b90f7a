package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;

/** Creates webhook notifiers; registered through ServiceLoader like any plugin. */
public final class WebhookNotifierFactory implements AlertNotifierFactory {
    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public AlertNotifier create(NotificationChannel channel) {
        return new WebhookNotifier(channel);
    }
}
