package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;

/** Creates PagerDuty notifiers; registered through ServiceLoader like any plugin. */
public final class PagerDutyNotifierFactory implements AlertNotifierFactory {
    @Override
    public String type() {
        return "pagerduty";
    }

    @Override
    public AlertNotifier create(NotificationChannel channel) {
        return new PagerDutyNotifier(channel);
    }

    @Override
    public boolean takesAcknowledgements() {
        return true;
    }
}
