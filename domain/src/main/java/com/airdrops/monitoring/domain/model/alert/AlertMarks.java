package com.airdrops.monitoring.domain.model.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the agent attached to an alert besides its state: the silences that match it ({@code silencedBy}, ids; a
 * silenced alert changes state and is recorded but not notified), its acknowledgement, and, in a notification, the
 * signed link that acknowledges it and the link to the agent's page that shows it.
 */
public record AlertMarks(
        List<String> silencedBy,
        Optional<Acknowledgement> acknowledgement,
        Optional<String> ackLink,
        Optional<String> pageLink) {
    public static final AlertMarks NONE = new AlertMarks(List.of(), Optional.empty());

    public AlertMarks {
        silencedBy = silencedBy == null ? List.of() : List.copyOf(silencedBy);
        acknowledgement = acknowledgement == null ? Optional.empty() : acknowledgement;
        ackLink = ackLink == null ? Optional.empty() : ackLink;
        pageLink = pageLink == null ? Optional.empty() : pageLink;
    }

    public AlertMarks(List<String> silencedBy, Optional<Acknowledgement> acknowledgement) {
        this(silencedBy, acknowledgement, Optional.empty(), Optional.empty());
    }

    public boolean silenced() {
        return !silencedBy.isEmpty();
    }

    /** Whether an acknowledgement holds back repeats at {@code now}. */
    public boolean acknowledgedAt(Instant now) {
        return acknowledgement.isPresent() && acknowledgement.get().holdsAt(now);
    }

    public AlertMarks withAckLink(String link) {
        return new AlertMarks(silencedBy, acknowledgement, Optional.of(link), pageLink);
    }

    public AlertMarks withPageLink(String link) {
        return new AlertMarks(silencedBy, acknowledgement, ackLink, Optional.of(link));
    }
}
