package com.airdrops.monitoring.collection;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * One part of a reading that can fail cycle after cycle: its failure is said once, at WARN when it starts, at DEBUG
 * while it lasts (its counter tells), and at INFO when it ends, with how long it lasted. Not thread-safe: the
 * collector serialises its cycles.
 */
final class LastingFailure {
    private final Logger log;
    private final String subject;
    private final InstantSource clock;
    private Instant since;
    private String reason;

    /** @param subject what fails, as a sentence starts: "Disk usage", "Host metrics" */
    LastingFailure(Logger log, String subject, InstantSource clock) {
        this.log = log;
        this.subject = subject;
        this.clock = clock;
    }

    void failed(String reason) {
        if (since == null) {
            since = clock.instant();
            log.warn("{} unreadable: {}; its series are left out until it can be read", subject, reason);
        } else if (!reason.equals(this.reason)) {
            log.warn("{} still unreadable, now: {}", subject, reason);
        } else {
            log.debug("{} still unreadable: {}", subject, reason);
        }
        this.reason = reason;
    }

    void succeeded() {
        if (since != null) {
            log.info(
                    "{} readable again after {} s",
                    subject,
                    Duration.between(since, clock.instant()).toSeconds());
            since = null;
            reason = null;
        }
    }

    /** While it fails: what fails, since when and why, for the readiness check. */
    Optional<String> current() {
        return since == null
                ? Optional.empty()
                : Optional.of(subject.toLowerCase(Locale.ROOT) + " unreadable since " + since + ": " + reason);
    }
}
