package com.airdrops.monitoring.config;

import static com.airdrops.monitoring.config.EnvironmentSettings.ACK_LINK_HOURS;
import static com.airdrops.monitoring.config.EnvironmentSettings.ACK_SECRET;
import static com.airdrops.monitoring.config.EnvironmentSettings.DEAD_LETTER_RETENTION_HOURS;
import static com.airdrops.monitoring.config.EnvironmentSettings.OUTBOX_RETENTION_HOURS;
import static com.airdrops.monitoring.config.EnvironmentSettings.PUBLIC_URL;

import com.airdrops.monitoring.domain.port.driven.AckLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/** The notifications' settings from the environment: the outbox's retention and the signed ack links. */
final class NotificationsEnvironment {
    private NotificationsEnvironment() {}

    /** @param alertRetention the outbox keeps what it sent as long as the alert history by default */
    static NotificationsSection read(EnvironmentReader env, Duration alertRetention) {
        return new NotificationsSection(
                env.raw(OUTBOX_RETENTION_HOURS, "").isEmpty()
                        ? alertRetention
                        : env.hours(OUTBOX_RETENTION_HOURS, "168"),
                env.hours(DEAD_LETTER_RETENTION_HOURS, "720"),
                ackSecret(env),
                publicUrl(env),
                env.hours(ACK_LINK_HOURS, "24"));
    }

    /** The secret that signs ack links: long enough to resist guessing, and only with a URL to put in the links. */
    private static Optional<String> ackSecret(EnvironmentReader env) {
        Optional<String> secret = env.secret(ACK_SECRET);
        if (secret.isPresent() && secret.get().length() < AckLinks.MIN_SECRET_LENGTH) {
            env.problem(ACK_SECRET + " is invalid: expected at least " + AckLinks.MIN_SECRET_LENGTH
                    + " characters (e.g. the output of 'openssl rand -hex 32'), got "
                    + secret.get().length());
        }
        if (secret.isPresent() && env.secret(PUBLIC_URL).isEmpty()) {
            env.problem(ACK_SECRET + " is set but " + PUBLIC_URL + " is not: ack links need the address people reach "
                    + "this agent at, e.g. https://monitor.example.org");
        }
        return secret;
    }

    private static Optional<String> publicUrl(EnvironmentReader env) {
        Optional<String> url = env.secret(PUBLIC_URL);
        if (url.isPresent()) {
            try {
                URI uri = new URI(url.get());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        || uri.getHost() == null
                        || uri.getRawQuery() != null
                        || uri.getRawFragment() != null) {
                    throw new URISyntaxException(url.get(), "not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                env.problem(PUBLIC_URL + "='" + url.get() + "' is invalid: expected an absolute http:// or https:// "
                        + "URL without query or fragment, such as https://monitor.example.org");
            }
        }
        return url;
    }
}
