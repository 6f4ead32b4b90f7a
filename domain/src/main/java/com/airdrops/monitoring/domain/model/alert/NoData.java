package com.airdrops.monitoring.domain.model.alert;

import java.time.Duration;
import java.util.Locale;

/**
 * What a rule does when a series it watched (or, before any was seen, its metric) has been absent for {@code after}:
 * {@link State#FIRING} raises a distinct alert labelled {@code reason="nodata"}, {@link State#OK} resolves the
 * series' alert, {@link State#KEEP_LAST} keeps its state until the series returns. Without this setting a rule
 * resolves a vanished series' alert at once (after {@code keep_firing_for}), as Prometheus does.
 */
public record NoData(Duration after, State state) {
    /** The label that tells a no-data alert from the rule's other alerts. */
    public static final String REASON_LABEL = "reason";

    public static final String REASON = "nodata";

    public enum State {
        FIRING,
        OK,
        KEEP_LAST;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State parse(String text) {
            for (State state : values()) {
                if (state.wireName().equals(text)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("unknown no_data state '" + text + "'; allowed: firing, ok, keep_last");
        }
    }

    public NoData {
        if (after == null || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("no_data.after_seconds must be > 0");
        }
        if (state == null) {
            throw new IllegalArgumentException("no_data.state is required: firing, ok or keep_last");
        }
    }
}
