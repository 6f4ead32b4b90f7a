package com.airdrops.monitoring.notification.archfixture;

import org.jdbi.v3.core.Jdbi;

/** Breaks the service rule on purpose: a notification class that reaches the database itself. */
public final class DeliveryUsingJdbi {
    public String url(Jdbi jdbi) {
        return jdbi.toString();
    }
}
