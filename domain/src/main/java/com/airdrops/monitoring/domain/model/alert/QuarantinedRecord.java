package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;

/**
 * A record the database refused (a transition, an alert state, or a notification), set aside so that every other
 * change of its pass could be saved. {@code fingerprint} is the alert's, or the notification's event id.
 */
public record QuarantinedRecord(String kind, String ruleName, String fingerprint, String reason, Instant at) {
    public QuarantinedRecord {
        Require.nonBlank(kind, "kind");
        ruleName = ruleName == null ? "" : ruleName;
        fingerprint = fingerprint == null ? "" : fingerprint;
        reason = reason == null ? "" : reason;
        Require.nonNull(at, "at");
    }
}
