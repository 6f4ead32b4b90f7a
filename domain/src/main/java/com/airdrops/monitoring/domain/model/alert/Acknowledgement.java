package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * Someone took an alert on: its repeat notifications stop until it resolves, or until {@code until} when given.
 * {@code by} names who acknowledged ({@code signed-link} for an ack link); {@code comment} may be empty.
 */
public record Acknowledgement(String by, String comment, Instant at, Optional<Instant> until) {
    public static final int MAX_TEXT_LENGTH = 1_000;

    public Acknowledgement {
        Require.nonBlank(by, "acknowledged by");
        Require.printable(by, "by");
        comment = comment == null ? "" : comment;
        Require.printable(comment, "comment");
        if (by.length() > 255 || comment.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "an acknowledgement's author is at most 255 characters and its comment at most " + MAX_TEXT_LENGTH);
        }
        Require.nonNull(at, "acknowledged at");
        until = until == null ? Optional.empty() : until;
    }

    /** Whether it still holds back repeats at {@code now}. */
    public boolean holdsAt(Instant now) {
        return until.isEmpty() || now.isBefore(until.get());
    }
}
