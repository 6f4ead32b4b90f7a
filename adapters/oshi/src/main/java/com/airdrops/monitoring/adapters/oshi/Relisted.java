package com.airdrops.monitoring.adapters.oshi;

import java.time.Duration;
import java.util.function.Supplier;

/** A list read again from its source once it is older than a period (the host's network interfaces). Not thread-safe. */
final class Relisted<T> {
    private final Duration period;
    private final Supplier<T> source;
    private T value;
    private long listedAtNanos;

    Relisted(Duration period, Supplier<T> source) {
        this.period = period;
        this.source = source;
    }

    T get() {
        long now = System.nanoTime();
        if (value == null || now - listedAtNanos > period.toNanos()) {
            value = source.get();
            listedAtNanos = now;
        }
        return value;
    }
}
