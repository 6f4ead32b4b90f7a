package com.airdrops.monitoring.adapters.prometheus;

import io.micrometer.core.instrument.Meter;

/** Holds the latest value of one series; read by its meter on each scrape. */
final class MeterSeries {
    private volatile double value;
    private Meter meter;

    double value() {
        return value;
    }

    /** Whether the value changed (bit for bit: a NaN that stays NaN did not). */
    boolean set(double newValue) {
        boolean changed = Double.doubleToLongBits(value) != Double.doubleToLongBits(newValue);
        value = newValue;
        return changed;
    }

    Meter meter() {
        return meter;
    }

    /** Set once, right after the meter reading this holder is registered. */
    void meter(Meter registered) {
        meter = registered;
    }
}
