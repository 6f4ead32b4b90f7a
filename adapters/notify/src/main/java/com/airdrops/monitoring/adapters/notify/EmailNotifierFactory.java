package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;

/** Creates email notifiers; registered through ServiceLoader like any plugin. */
public final class EmailNotifierFactory implements AlertNotifierFactory {
    @Override
    public String type() {
        return "email";
    }

    @Override
    public AlertNotifier create(NotificationChannel channel) {
        return new EmailNotifier(channel);
    }
}
