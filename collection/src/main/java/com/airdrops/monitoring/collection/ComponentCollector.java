package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.spi.ProbeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every component concurrently, each on its own virtual thread and within its own timeout, so that a probe
 * that hangs delays a cycle by no more than its timeout and never the other components. A probe still running from an
 * earlier cycle is not started again (the cycle counts it as failed), so a hung probe holds at most one thread.
 * Callers serialise {@link #collect()}.
 */
final class ComponentCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentCollector.class);

    private final List<State> states;
    private final InstantSource clock;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("component-probe-", 0).factory());

    ComponentCollector(List<ComponentRegistration> registrations, InstantSource clock) {
        Instant started = clock.instant();
        this.states = registrations.stream()
                .map(registration -> new State(registration, started))
                .toList();
        this.clock = clock;
    }

    List<ComponentReading> collect() {
        return collect(definition -> true);
    }

    /** Probes the components {@code which} selects, in configuration order. */
    List<ComponentReading> collect(Predicate<ComponentDefinition> which) {
        List<Running> running = new ArrayList<>(states.size());
        for (State state : states) {
            if (which.test(state.registration.definition())) {
                running.add(start(state));
            }
        }
        List<ComponentReading> readings = new ArrayList<>(states.size());
        for (Running probe : running) {
            readings.add(finish(probe));
        }
        return readings;
    }

    private Running start(State state) {
        long startedNanos = System.nanoTime();
        if (!state.inFlight.compareAndSet(false, true)) {
            return new Running(state, null, startedNanos);
        }
        Future<ComponentSnapshot> future = executor.submit(() -> {
            try {
                return state.registration.probe().probe();
            } finally {
                state.inFlight.set(false);
            }
        });
        return new Running(state, future, startedNanos);
    }

    private ComponentReading finish(Running running) {
        State state = running.state;
        Duration timeout = state.registration.definition().timeout();
        if (running.future == null) {
            return state.failed(
                    "previous probe still running (over its " + seconds(timeout) + " s timeout)", 0, clock.instant());
        }
        long remaining = timeout.toNanos() - (System.nanoTime() - running.startedNanos);
        try {
            ComponentSnapshot snapshot = running.future.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            double elapsed = (System.nanoTime() - running.startedNanos) / 1e9;
            return state.checkFreshness(snapshot, clock.instant(), elapsed);
        } catch (TimeoutException e) {
            running.future.cancel(true);
            return state.failed("timed out after " + seconds(timeout) + " s", timeout.toNanos() / 1e9, clock.instant());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = cause instanceof ProbeException ? cause.getMessage() : cause.toString();
            return state.failed(reason, (System.nanoTime() - running.startedNanos) / 1e9, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.future.cancel(true);
            return state.failed("interrupted", 0, clock.instant());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toMillis() / 1000.0);
    }

    private record Running(State state, Future<ComponentSnapshot> future, long startedNanos) {}

    /** Counts of one component across cycles. */
    private static final class State {
        private final ComponentRegistration registration;
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private long errors;
        private long successes;
        private boolean failing;
        /** The last snapshot read fresh: what a silent component's alerts are kept on. */
        private ComponentSnapshot lastFresh;

        private final Instant started;

        State(ComponentRegistration registration, Instant started) {
            this.registration = registration;
            this.started = started;
        }

        ComponentReading checkFreshness(ComponentSnapshot snapshot, Instant now, double probeSeconds) {
            Duration age = Duration.between(snapshot.observedAt(), now);
            Duration limit = registration.definition().staleAfter();
            if (age.compareTo(limit) > 0) {
                String reason =
                        "stale: last data at " + snapshot.observedAt() + ", older than " + seconds(limit) + " s";
                return silent(
                        new ComponentReading.Stale(
                                registration.definition(),
                                reason,
                                probeSeconds,
                                ++errors,
                                successes,
                                Optional.of(snapshot)),
                        reason);
            }
            successes++;
            lastFresh = snapshot;
            if (failing) {
                failing = false;
                LOG.info("Component {} healthy again", registration.definition().name());
            }
            return new ComponentReading.Fresh(registration.definition(), snapshot, probeSeconds, errors, successes);
        }

        ComponentReading failed(String reason, double probeSeconds, Instant now) {
            boolean awaitingFirst = lastFresh == null
                    && !now.isAfter(started.plus(registration.definition().staleAfter()));
            return silent(
                    new ComponentReading.Failed(
                            registration.definition(),
                            reason,
                            probeSeconds,
                            ++errors,
                            successes,
                            Optional.ofNullable(lastFresh),
                            awaitingFirst),
                    reason);
        }

        /**
         * Returns the silent {@code reading} (its error already counted); warns when a component falls silent (or says
         * at INFO that it stopped as it had announced), while it stays silent the counter tells.
         */
        private ComponentReading silent(ComponentReading reading, String reason) {
            if (!failing) {
                failing = true;
                if (reading.plannedStop()) {
                    LOG.info(
                            "Component {} stopped, as it announced: {}",
                            registration.definition().name(),
                            reason);
                } else {
                    LOG.warn(
                            "Component {} unhealthy: {}",
                            registration.definition().name(),
                            reason);
                }
            } else {
                LOG.debug(
                        "Component {} still unhealthy: {}",
                        registration.definition().name(),
                        reason);
            }
            return reading;
        }
    }
}
