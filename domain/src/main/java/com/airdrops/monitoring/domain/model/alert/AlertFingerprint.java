package com.airdrops.monitoring.domain.model.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The identity of one alert: SHA-256 of its rule name and its sorted labels, as 64 hex digits. */
public final class AlertFingerprint {
    private AlertFingerprint() {}

    public static String of(String ruleName, Map<String, String> labels) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ruleName.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
                digest.update((byte) 0);
                digest.update(label.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '=');
                digest.update(label.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
