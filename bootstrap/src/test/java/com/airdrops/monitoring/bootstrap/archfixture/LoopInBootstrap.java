package com.airdrops.monitoring.bootstrap.archfixture;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Breaks a rule on purpose: a loop written into bootstrap, with a thread and an executor of its own. */
public final class LoopInBootstrap {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public void start() {
        Thread.ofPlatform().name("loop").start(() -> {});
        scheduler.execute(() -> {});
    }
}
