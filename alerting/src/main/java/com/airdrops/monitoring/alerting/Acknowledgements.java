package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.NotificationPlanner;
import com.airdrops.monitoring.domain.port.driving.AckOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether an acknowledgement is taken, and recording one: called by the Alerter under its lock. */
final class Acknowledgements {
    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);

    private Acknowledgements() {}

    /**
     * Why an acknowledgement would change nothing: no such alert, another firing episode than {@code episode} (a
     * signed link's), or an acknowledgement that still holds; empty when it would be recorded.
     */
    static Optional<AckOutcome> refusal(
            Optional<AlertState> found, String fingerprint, Optional<Instant> episode, Instant now) {
        if (found.isEmpty()) {
            return Optional.of(new AckOutcome.NotActive(fingerprint));
        }
        AlertState state = found.get();
        if (episode.isPresent()
                && !(state.phase instanceof Firing firing
                        && firing.since().toEpochMilli() == episode.get().toEpochMilli())) {
            return Optional.of(new AckOutcome.OtherEpisode(fingerprint));
        }
        return state.acknowledgement.filter(ack -> ack.holdsAt(now)).map(AckOutcome.AlreadyAcknowledged::new);
    }

    /** Records {@code ack} on the alert found, and its history entry, unless it is refused or this agent is fenced. */
    static AckOutcome record(
            Optional<AlertState> found,
            String fingerprint,
            Optional<Instant> episode,
            Acknowledgement ack,
            ChangeWriter writer,
            NotificationPlanner planner) {
        Optional<AckOutcome> refused = refusal(found, fingerprint, episode, ack.at());
        if (refused.isPresent()) {
            return refused.get();
        }
        AlertState state = found.orElseThrow();
        Optional<Acknowledgement> previous = state.acknowledgement;
        state.acknowledgement = Optional.of(ack);
        Alert entry = state.acknowledged(ack.at());
        List<Notification> notifications = entry.marks().silenced() ? List.of() : planner.acknowledged(entry, ack.at());
        if (!writer.save(new AlertChanges(List.of(state.toActive()), List.of(), List.of(entry), notifications))) {
            state.acknowledgement = previous;
            return new AckOutcome.NotActive(fingerprint); // fenced: another agent of this instance leads now
        }
        LOG.info(
                "Alert {} {} acknowledged by {}{}: {}",
                state.ruleName,
                state.labels,
                ack.by(),
                ack.until().map(end -> " until " + end).orElse(""),
                ack.comment());
        return new AckOutcome.Acknowledged(entry);
    }
}
