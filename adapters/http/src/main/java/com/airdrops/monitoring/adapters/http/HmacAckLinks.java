package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driven.AckLinkVerdict;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ack links signed with HMAC-SHA256: {@code <base>/api/v1/alerts/<fingerprint>/ack?since=<epoch ms the firing
 * began>&expires=<epoch seconds>&sig=<hex HMAC-SHA256 of "fingerprint:since:expires" under the secret>}. Holding a
 * link lets its holder acknowledge that one alert in that one firing episode until it expires, and nothing else.
 * Thread-safe.
 */
public final class HmacAckLinks implements AckLinks {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String baseUrl;
    private final Duration validity;

    /**
     * @param baseUrl where people reach this agent, such as {@code https://monitor.example.org}
     * @param validity how long a link works after the notification that carries it was planned
     */
    public HmacAckLinks(String secret, String baseUrl, Duration validity) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "the ack link secret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.validity = validity;
    }

    @Override
    public String link(String fingerprint, Instant firingSince, Instant now) {
        long since = firingSince.toEpochMilli();
        long expires = now.plus(validity).getEpochSecond();
        return baseUrl + "/api/v1/alerts/" + URLEncoder.encode(fingerprint, StandardCharsets.UTF_8) + "/ack?since="
                + since + "&expires=" + expires + "&sig=" + signature(fingerprint, since, expires);
    }

    /** Checks in constant time; a signature that does not match is TAMPERED, even if expired. */
    @Override
    public AckLinkVerdict verify(String fingerprint, String since, String expires, String signature, Instant now) {
        long sinceMillis;
        long expiresAt;
        try {
            sinceMillis = Long.parseLong(since == null ? "" : since);
            expiresAt = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            return AckLinkVerdict.TAMPERED;
        }
        byte[] expected = signature(fingerprint, sinceMillis, expiresAt).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = (signature == null ? "" : signature).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return AckLinkVerdict.TAMPERED;
        }
        return now.getEpochSecond() < expiresAt ? AckLinkVerdict.VALID : AckLinkVerdict.EXPIRED;
    }

    private String signature(String fingerprint, long since, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of()
                    .formatHex(
                            mac.doFinal((fingerprint + ":" + since + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }
}
