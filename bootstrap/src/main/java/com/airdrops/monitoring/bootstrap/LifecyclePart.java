package com.airdrops.monitoring.bootstrap;

/** One part: what starts it (nothing for a part that is ready once built) and what stops it. */
record LifecyclePart(String name, Runnable start, Runnable stop) {
    static LifecyclePart stopOnly(String name, Runnable stop) {
        return new LifecyclePart(name, () -> {}, stop);
    }
}
