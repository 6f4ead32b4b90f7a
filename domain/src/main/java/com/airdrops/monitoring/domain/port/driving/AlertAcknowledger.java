package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.Alert;
import java.time.Instant;
import java.util.Optional;

/** Acknowledging a pending or firing alert: its repeat notifications stop until it resolves or the ack ends. */
public interface AlertAcknowledger {
    AckOutcome acknowledge(String fingerprint, String by, String comment, Optional<Instant> until);

    /** What became of an acknowledgement. */
    sealed interface AckOutcome {
        /** Recorded in the alert's state and history. */
        record Acknowledged(Alert alert) implements AckOutcome {}

        /** This agent has no pending or firing alert with that fingerprint (it resolved, or this agent stands by). */
        record NotActive(String fingerprint) implements AckOutcome {}

        /** The alert is already acknowledged. */
        record AlreadyAcknowledged(Acknowledgement acknowledgement) implements AckOutcome {}
    }
}
