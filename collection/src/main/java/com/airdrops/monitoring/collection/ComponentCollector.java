package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.spi.ProbeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Probes every component concurrently, each on its own virtual thread and within its own timeout, so that a probe
 * that hangs delays a cycle by no more than its timeout and never the other components. A probe still running from an
 * earlier cycle is not started again (the cycle counts it as failed), so a hung probe holds at most one thread.
 * Callers serialise {@link #collect()}.
 */
final class ComponentCollector implements AutoCloseable {

    private final List<ComponentTally> states;
    private final InstantSource clock;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("component-probe-", 0).factory());

    ComponentCollector(List<ComponentRegistration> registrations, InstantSource clock) {
        Instant started = clock.instant();
        this.states = registrations.stream()
                .map(registration -> new ComponentTally(registration, started))
                .toList();
        this.clock = clock;
    }

    /** See {@link MetricsCollector#waitFirstReportsFrom}. */
    void waitFirstReportsFrom(Instant start) {
        states.forEach(state -> state.waitFirstFrom(start));
    }

    List<ComponentReading> collect() {
        return collect(definition -> true);
    }

    /** Probes the components {@code which} selects, in configuration order. */
    List<ComponentReading> collect(Predicate<ComponentDefinition> which) {
        List<RunningRead> running = new ArrayList<>(states.size());
        for (ComponentTally state : states) {
            if (which.test(state.registration.definition())) {
                running.add(start(state));
            }
        }
        List<ComponentReading> readings = new ArrayList<>(states.size());
        for (RunningRead probe : running) {
            readings.add(finish(probe));
        }
        return readings;
    }

    private RunningRead start(ComponentTally state) {
        long startedNanos = System.nanoTime();
        if (!state.inFlight.compareAndSet(false, true)) {
            return new RunningRead(state, null, startedNanos);
        }
        Future<ComponentSnapshot> future = executor.submit(() -> {
            try {
                return state.registration.probe().probe();
            } finally {
                state.inFlight.set(false);
            }
        });
        return new RunningRead(state, future, startedNanos);
    }

    private ComponentReading finish(RunningRead running) {
        ComponentTally state = running.state();
        Duration timeout = state.registration.definition().timeout();
        if (running.future() == null) {
            return state.failed(
                    "previous probe still running (over its " + ComponentTally.seconds(timeout) + " s timeout)",
                    0,
                    clock.instant());
        }
        long remaining = timeout.toNanos() - (System.nanoTime() - running.startedNanos());
        try {
            ComponentSnapshot snapshot = running.future().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            double elapsed = (System.nanoTime() - running.startedNanos()) / 1e9;
            return state.checkFreshness(snapshot, clock.instant(), elapsed);
        } catch (TimeoutException e) {
            running.future().cancel(true);
            return state.failed(
                    "timed out after " + ComponentTally.seconds(timeout) + " s",
                    timeout.toNanos() / 1e9,
                    clock.instant());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = cause instanceof ProbeException ? cause.getMessage() : cause.toString();
            return state.failed(reason, (System.nanoTime() - running.startedNanos()) / 1e9, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.future().cancel(true);
            return state.failed("interrupted", 0, clock.instant());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
