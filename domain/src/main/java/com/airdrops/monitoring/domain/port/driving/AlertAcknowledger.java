package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.Alert;
import java.time.Instant;
import java.util.Optional;

/** Acknowledging a pending or firing alert: its repeat notifications stop until it resolves or the ack ends. */
public interface AlertAcknowledger {
    AckOutcome acknowledge(String fingerprint, String by, String comment, Optional<Instant> until);

    /**
     * As {@link #acknowledge}, for a signed link: only while the alert is in the firing episode that began at {@code
     * firingSince}, so a link from an earlier episode acknowledges nothing.
     */
    default AckOutcome acknowledgeEpisode(String fingerprint, Instant firingSince, String by) {
        return linkRefusal(fingerprint, firingSince)
                .orElseGet(() -> acknowledge(fingerprint, by, "", Optional.empty()));
    }

    /**
     * What a signed link for the episode that began at {@code firingSince} would be told, without acting: empty when
     * it would acknowledge the alert, else the refusal ({@code NotActive}, {@code OtherEpisode} or
     * {@code AlreadyAcknowledged}). One that cannot tell episodes apart refuses every link.
     */
    default Optional<AckOutcome> linkRefusal(String fingerprint, Instant firingSince) {
        return Optional.of(new AckOutcome.OtherEpisode(fingerprint));
    }

    /** What became of an acknowledgement. */
    sealed interface AckOutcome {
        /** Recorded in the alert's state and history. */
        record Acknowledged(Alert alert) implements AckOutcome {}

        /** This agent has no pending or firing alert with that fingerprint (it resolved, or this agent stands by). */
        record NotActive(String fingerprint) implements AckOutcome {}

        /** The alert is already acknowledged. */
        record AlreadyAcknowledged(Acknowledgement acknowledgement) implements AckOutcome {}

        /** The link was for another firing episode of the alert (an earlier one, which resolved): nothing changed. */
        record OtherEpisode(String fingerprint) implements AckOutcome {}
    }
}
