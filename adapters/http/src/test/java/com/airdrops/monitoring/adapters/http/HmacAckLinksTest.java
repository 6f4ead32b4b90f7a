package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.port.driven.AckLinkVerdict;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HmacAckLinksTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private final HmacAckLinks links =
            new HmacAckLinks("x".repeat(32), "https://monitor.example.org/", Duration.ofHours(24));

    @Test
    void aLinkNamesTheAlertItsEpisodeAndItsExpiryAndVerifiesUntilItExpires() {
        Instant firing = T0.minusSeconds(90);
        URI link = URI.create(links.link("abc", firing, T0));
        assertThat(link.toString())
                .startsWith("https://monitor.example.org/api/v1/alerts/abc/ack?since=" + firing.toEpochMilli()
                        + "&expires=" + T0.plus(Duration.ofHours(24)).getEpochSecond() + "&sig=");
        String since = link.getQuery().replaceAll("since=(\\d+).*", "$1");
        String expires = link.getQuery().replaceAll(".*expires=(\\d+).*", "$1");
        String signature = link.getQuery().replaceAll(".*sig=", "");

        assertThat(links.verify("abc", since, expires, signature, T0)).isEqualTo(AckLinkVerdict.VALID);
        assertThat(links.verify("abc", since, expires, signature, T0.plus(Duration.ofHours(24))))
                .isEqualTo(AckLinkVerdict.EXPIRED);
        assertThat(links.verify("abd", since, expires, signature, T0)).isEqualTo(AckLinkVerdict.TAMPERED);
        assertThat(links.verify("abc", since + "0", expires, signature, T0))
                .as("another episode")
                .isEqualTo(AckLinkVerdict.TAMPERED);
        assertThat(links.verify("abc", null, expires, signature, T0)).isEqualTo(AckLinkVerdict.TAMPERED);
        assertThat(links.verify("abc", since, expires + "0", signature, T0)).isEqualTo(AckLinkVerdict.TAMPERED);
        assertThat(links.verify("abc", since, "soon", signature, T0)).isEqualTo(AckLinkVerdict.TAMPERED);
        assertThat(links.verify("abc", since, expires, null, T0)).isEqualTo(AckLinkVerdict.TAMPERED);
        assertThat(new HmacAckLinks("y".repeat(32), "https://monitor.example.org", Duration.ofHours(24))
                        .verify("abc", since, expires, signature, T0))
                .as("another secret")
                .isEqualTo(AckLinkVerdict.TAMPERED);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new HmacAckLinks("short", "https://x", Duration.ofHours(1)))
                .hasMessageContaining("at least 32 characters");
    }
}
