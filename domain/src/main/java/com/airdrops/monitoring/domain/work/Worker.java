package com.airdrops.monitoring.domain.work;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A loop on its own named daemon thread: runs {@code step} again and again until {@link #close()}, which wakes the
 * thread and waits a bounded time for the step in flight to end. A step is given its worker and parks itself between
 * rounds with {@link #park(Duration)}; {@link #wake()} ends a park early. Thread-safe.
 *
 * <p>A step must not throw: the loop that owns it catches, counts and logs its own failures, since only it knows what
 * they mean. One that throws anyway ends the thread, like any uncaught exception.
 */
public final class Worker implements AutoCloseable {

    private final Thread thread;
    private final Duration stopWait;
    private final WorkerStop stop;
    private volatile boolean running = true;

    /**
     * @param name the thread's name, as thread dumps and log lines show it
     * @param stopWait how long {@link #close()} waits for the step in flight
     */
    public Worker(String name, Duration stopWait, WorkerStop stop, Consumer<Worker> step) {
        Objects.requireNonNull(step, "step");
        this.stopWait = Objects.requireNonNull(stopWait, "stopWait");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
            while (running) {
                step.accept(this);
            }
        });
    }

    public void start() {
        thread.start();
    }

    /** False once {@link #close()} was called: a step that parked checks it before doing more. */
    public boolean running() {
        return running;
    }

    /** Parks the calling worker thread for at most {@code duration}; {@link #wake()} or a stop ends it early. */
    public void park(Duration duration) {
        parkNanos(duration.toNanos());
    }

    public void parkNanos(long nanos) {
        if (running && nanos > 0) {
            LockSupport.parkNanos(this, nanos);
        }
    }

    /** Ends the worker's current park, or its next one if it is not parked. */
    public void wake() {
        LockSupport.unpark(thread);
    }

    /** Stops the loop and waits up to the stop wait for the step in flight; safe to call more than once. */
    @Override
    public void close() {
        stopSoon();
        awaitStop(stopWait);
    }

    /** Tells the loop to stop and returns at once; for stopping several workers together before waiting for them. */
    public void stopSoon() {
        running = false;
        switch (stop) {
            case WAKE -> wake();
            case INTERRUPT -> thread.interrupt();
        }
    }

    /** Waits up to {@code wait} for the thread to end after {@link #stopSoon()}. */
    public void awaitStop(Duration wait) {
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A single-thread scheduler on a named daemon thread, for a loop that runs at fixed times rather than round after
     * round; stop it with {@link #stop(ExecutorService, Duration, boolean)}.
     */
    public static ScheduledExecutorService scheduler(String name) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(
                1, runnable -> Thread.ofPlatform().name(name).daemon(true).unstarted(runnable));
        // A cancelled task leaves the queue at once. By default it stays there until its time comes: a check
        // rescheduled at every push, an hour ahead, kept one dead task per push for an hour (36,000 of them at ten
        // pushes a second), and a bot pushing in a tight loop could fill the heap.
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /**
     * Stops {@code executor}: lets the task in flight finish (or interrupts it at once with {@code interrupt}), waits up
     * to {@code wait}, then interrupts what is still running.
     */
    public static void stop(ExecutorService executor, Duration wait, boolean interrupt) {
        if (interrupt) {
            executor.shutdownNow();
        } else {
            executor.shutdown();
        }
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
