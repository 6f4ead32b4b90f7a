package com.airdrops.monitoring.domain.port.driven;

import java.time.Instant;

/**
 * Signed links that acknowledge one alert without a token: the planner puts one in every firing alert it sends, and
 * the API checks the links people follow.
 */
public interface AckLinks {
    /** The shortest secret that may sign links. */
    int MIN_SECRET_LENGTH = 32;

    /**
     * A link that acknowledges the alert {@code fingerprint} in its firing episode that began at {@code firingSince},
     * valid from {@code now} for the configured time.
     */
    String link(String fingerprint, Instant firingSince, Instant now);

    /** Checks a presented link's parts ({@code since} and {@code expires} as the link carries them). */
    AckLinkVerdict verify(String fingerprint, String since, String expires, String signature, Instant now);
}
