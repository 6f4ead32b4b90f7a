package com.airdrops.monitoring.domain.work;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failing resource again: at once while it works; after a failure, not before a wait that doubles with
 * each further failure from {@code first} up to {@code max}. Not thread-safe: one loop owns it.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration wait = Duration.ZERO;
    private Instant next = Instant.MIN;

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max, got " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
    }

    /** Whether an attempt may be made at {@code now}. */
    public boolean due(Instant now) {
        return !now.isBefore(next);
    }

    /** The attempt at {@code now} failed: the next waits twice as long as the last wait (at most {@code max}). */
    public void failed(Instant now) {
        wait = wait.isZero() ? first : min(wait.multipliedBy(2), max);
        next = now.plus(wait);
    }

    public void succeeded() {
        wait = Duration.ZERO;
        next = Instant.MIN;
    }

    /** Whether the last attempt failed. */
    public boolean failing() {
        return !wait.isZero();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
