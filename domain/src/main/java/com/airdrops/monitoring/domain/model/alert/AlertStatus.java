package com.airdrops.monitoring.domain.model.alert;

import java.util.Locale;

/** Where an alert stands in its lifecycle: pending while its rule's for-duration runs, then firing, then resolved. */
public enum AlertStatus {
    PENDING,
    FIRING,
    RESOLVED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
