package com.airdrops.monitoring.domain.model.alert;

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
 * Signed links that acknowledge one alert without a token: {@code <base>/api/v1/alerts/<fingerprint>/ack?expires=
 * <epoch seconds>&sig=<hex HMAC-SHA256 of "fingerprint:expires" under the secret>}. Holding a link lets its holder
 * acknowledge that one alert until it expires, and nothing else.
 */
public final class AckLinks {
    public static final int MIN_SECRET_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    /** How a presented link fares. */
    public enum Verdict {
        VALID,
        TAMPERED,
        EXPIRED
    }

    private final SecretKeySpec key;
    private final String baseUrl;
    private final Duration validity;

    /**
     * @param baseUrl where people reach this agent, such as {@code https://monitor.example.org}
     * @param validity how long a link works after the notification that carries it was planned
     */
    public AckLinks(String secret, String baseUrl, Duration validity) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "the ack link secret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.validity = validity;
    }

    /** A link for the alert {@code fingerprint}, valid from {@code now} for this instance's validity. */
    public String link(String fingerprint, Instant now) {
        long expires = now.plus(validity).getEpochSecond();
        return baseUrl + "/api/v1/alerts/" + URLEncoder.encode(fingerprint, StandardCharsets.UTF_8) + "/ack?expires="
                + expires + "&sig=" + signature(fingerprint, expires);
    }

    /** Checks a presented link in constant time; a signature that does not match is TAMPERED, even if expired. */
    public Verdict verify(String fingerprint, String expires, String signature, Instant now) {
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            return Verdict.TAMPERED;
        }
        byte[] expected = signature(fingerprint, expiresAt).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = (signature == null ? "" : signature).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Verdict.TAMPERED;
        }
        return now.getEpochSecond() < expiresAt ? Verdict.VALID : Verdict.EXPIRED;
    }

    private String signature(String fingerprint, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of()
                    .formatHex(mac.doFinal((fingerprint + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }
}
