package com.airdrops.monitoring.notification.archfixture;

import com.airdrops.monitoring.alerting.Alerter;

/** Breaks the port rule on purpose: a notification class that calls the alerting service directly. */
public final class PlannerUsingAlerter {
    public int active(Alerter alerter) {
        return alerter.getActiveAlerts().size();
    }
}
