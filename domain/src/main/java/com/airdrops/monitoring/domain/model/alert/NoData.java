package com.airdrops.monitoring.domain.model.alert;

import java.time.Duration;

/**
 * What a rule does when a series it watched (or, before any was seen, its metric) has been absent for {@code after}:
 * {@link NoDataState#FIRING} raises a distinct alert labelled {@code reason="nodata"}, {@link NoDataState#OK} resolves the
 * series' alert, {@link NoDataState#KEEP_LAST} keeps its state until the series returns. Without this setting a rule
 * resolves a vanished series' alert at once (after {@code keep_firing_for}), as Prometheus does.
 */
public record NoData(Duration after, NoDataState state) {
    /** The label that tells a no-data alert from the rule's other alerts. */
    public static final String REASON_LABEL = "reason";

    public static final String REASON = "nodata";

    public NoData {
        if (after == null || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("no_data.after_seconds must be > 0");
        }
        if (state == null) {
            throw new IllegalArgumentException("no_data.state is required: firing, ok or keep_last");
        }
    }
}
