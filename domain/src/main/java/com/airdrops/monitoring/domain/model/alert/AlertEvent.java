package com.airdrops.monitoring.domain.model.alert;

import java.util.Locale;

/** What an alert history entry records: a state transition, or an acknowledgement of the alert as it stood. */
public enum AlertEvent {
    TRANSITION,
    ACKNOWLEDGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
