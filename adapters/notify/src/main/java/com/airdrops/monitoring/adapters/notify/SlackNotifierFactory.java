package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;

/** Creates Slack notifiers; registered through ServiceLoader like any plugin. */
public final class SlackNotifierFactory implements AlertNotifierFactory {
    @Override
    public String type() {
        return "slack";
    }

    @Override
    public AlertNotifier create(NotificationChannel channel) {
        return new SlackNotifier(channel);
    }
}
