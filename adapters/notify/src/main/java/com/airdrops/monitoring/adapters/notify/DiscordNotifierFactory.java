package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;

/** Creates Discord notifiers; registered through ServiceLoader like any plugin. */
public final class DiscordNotifierFactory implements AlertNotifierFactory {
    @Override
    public String type() {
        return "discord";
    }

    @Override
    public AlertNotifier create(NotificationChannel channel) {
        return new DiscordNotifier(channel);
    }
}
