package com.airdrops.monitoring.domain.model.alert;

import java.util.Locale;

public enum NoDataState {
    FIRING,
    OK,
    KEEP_LAST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NoDataState parse(String text) {
        for (NoDataState state : values()) {
            if (state.wireName().equals(text)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown no_data state '" + text + "'; allowed: firing, ok, keep_last");
    }
}
