package com.airdrops.monitoring.domain.port.driving;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One exposition as the HTTP answer carries it, UTF-8 encoded, in two parts sent one after the other: the collected
 * part, which changes only when a collection is published, and the part read live at this scrape. Neither array is
 * ever written to once built. The collected array stays the same instance until the collected part changes, so a
 * transport may keep what it derives from it (its compressed form) until then, keyed by that identity.
 */
public record ExpositionBody(byte[] collected, byte[] live) {
    /** A whole exposition in one part. */
    public static ExpositionBody of(String text) {
        return new ExpositionBody(text.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    public int length() {
        return collected.length + live.length;
    }

    /** Both parts in one new array. */
    public byte[] toByteArray() {
        byte[] whole = Arrays.copyOf(collected, length());
        System.arraycopy(live, 0, whole, collected.length, live.length);
        return whole;
    }
}
