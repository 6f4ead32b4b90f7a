package com.airdrops.monitoring.domain.port.driving;

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
}
