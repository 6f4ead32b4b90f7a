package com.airdrops.monitoring.config;

import java.time.Duration;
import java.util.Optional;

/** How long the outbox keeps what it sent and what it gave up on, and the signed ack links. */
public record NotificationsSection(
        Duration outboxRetention,
        Duration deadLetterRetention,
        Optional<String> ackSecret,
        Optional<String> publicUrl,
        Duration ackLinkValidity) {
    public NotificationsSection {
        ackSecret = ackSecret == null ? Optional.empty() : ackSecret;
        publicUrl = publicUrl == null ? Optional.empty() : publicUrl;
    }

    @Override
    public String toString() {
        return "Notifications[outboxRetention=" + outboxRetention + ", deadLetterRetention=" + deadLetterRetention
                + ", ackSecret=" + Redaction.secret(ackSecret) + ", publicUrl=" + publicUrl.orElse("<unset>")
                + ", ackLinkValidity=" + ackLinkValidity + "]";
    }
}
