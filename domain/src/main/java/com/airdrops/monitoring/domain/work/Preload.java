package com.airdrops.monitoring.domain.work;

import java.util.List;

/**
 * One-time work on a daemon thread of its own while the caller goes on: what the caller would do first anyway and can
 * have done beside it, on another core. The agent's start uses it for the one-time initialisations of its host probe
 * and HTTP server while it reads its configuration and builds its first half.
 *
 * <p>The tasks run in order. One that fails ends the preload without a word, and the others do not run: a preload only
 * does early what will be done anyway, so its failure recurs where the result is needed, and is reported there.
 */
public final class Preload {
    private Preload() {}

    /** Starts {@code tasks} on a thread named {@code name}; returns the thread (started). */
    public static Thread inBackground(String name, List<Runnable> tasks) {
        List<Runnable> inOrder = List.copyOf(tasks);
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                inOrder.forEach(Runnable::run);
            } catch (RuntimeException | LinkageError e) {
                // reported where the result is needed (above)
            }
        });
    }
}
