package com.airdrops.monitoring.domain.model.alert;

import java.util.Locale;

/** Where a silence stands at a given time. */
public enum SilenceState {
    PENDING,
    ACTIVE,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
