package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.Alert;

/** What became of an acknowledgement. */
public sealed interface AckOutcome {
    /** Recorded in the alert's state and history. */
    record Acknowledged(Alert alert) implements AckOutcome {}

    /** This agent has no pending or firing alert with that fingerprint (it resolved, or this agent stands by). */
    record NotActive(String fingerprint) implements AckOutcome {}

    /** The alert is already acknowledged. */
    record AlreadyAcknowledged(Acknowledgement acknowledgement) implements AckOutcome {}

    /** The link was for another firing episode of the alert (an earlier one, which resolved): nothing changed. */
    record OtherEpisode(String fingerprint) implements AckOutcome {}
}
