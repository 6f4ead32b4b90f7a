package com.airdrops.monitoring.domain.model.alert;

import java.time.Instant;

/** The phases of an alert that is still active (pending or firing): what the alert state stores. */
public sealed interface ActivePhase extends AlertPhase permits Pending, Firing {
    Instant pendingSince();
}
