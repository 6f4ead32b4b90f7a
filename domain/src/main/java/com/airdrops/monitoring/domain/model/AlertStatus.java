package com.airdrops.monitoring.domain.model;

import java.util.Locale;

/** Where an alert stands in its lifecycle: pending while its rule's for-duration runs, then firing, then resolved. */
public enum AlertStatus {
    PENDING, FIRING, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
