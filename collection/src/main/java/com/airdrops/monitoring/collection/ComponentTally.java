package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts of one component across cycles. */
final class ComponentTally {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentCollector.class);

    final ComponentRegistration registration;
    /** Whether a probe of this component is still running. */
    final AtomicBoolean inFlight = new AtomicBoolean();

    private long errors;
    private long successes;
    private boolean failing;
    /** Whether the wait for the first report, before the staleness limit has passed, has been said. */
    private boolean waitSaid;
    /** The last snapshot read fresh: what a silent component's alerts are kept on. */
    private ComponentSnapshot lastFresh;

    /** From when a component that never reported is given its staleness limit before it counts as silent. */
    private volatile Instant started;

    ComponentTally(ComponentRegistration registration, Instant started) {
        this.registration = registration;
        this.started = started;
    }

    void waitFirstFrom(Instant start) {
        started = start;
    }

    ComponentReading checkFreshness(ComponentSnapshot snapshot, Instant now, double probeSeconds) {
        Duration age = Duration.between(snapshot.observedAt(), now);
        Duration limit = registration.definition().staleAfter();
        if (age.compareTo(limit) > 0) {
            String reason = "stale: last data at " + snapshot.observedAt() + ", older than " + seconds(limit) + " s";
            return silent(
                    new StaleReading(
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
        return new FreshReading(registration.definition(), snapshot, probeSeconds, errors, successes);
    }

    ComponentReading failed(String reason, double probeSeconds, Instant now) {
        boolean awaitingFirst = lastFresh == null
                && !now.isAfter(started.plus(registration.definition().staleAfter()));
        return silent(
                new FailedReading(
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
     * at INFO that it stopped as it had announced, or that it has not been heard from yet while its staleness limit
     * since the start has not passed), while it stays silent the counter tells.
     */
    private ComponentReading silent(ComponentReading reading, String reason) {
        if (reading instanceof FailedReading failed && failed.awaitingFirst()) {
            // Not known to be down yet: a bot starting after the agent is normal. Said once, at INFO; the WARN comes
            // if it is still silent when its staleness limit has passed.
            if (!waitSaid) {
                waitSaid = true;
                LOG.info(
                        "Component {} not heard from yet ({}); down if still silent {} s after the start",
                        registration.definition().name(),
                        reason,
                        seconds(registration.definition().staleAfter()));
            }
            return reading;
        }
        if (!failing) {
            failing = true;
            if (reading.plannedStop()) {
                LOG.info(
                        "Component {} stopped, as it announced: {}",
                        registration.definition().name(),
                        reason);
            } else {
                LOG.warn("Component {} unhealthy: {}", registration.definition().name(), reason);
            }
        } else {
            LOG.debug(
                    "Component {} still unhealthy: {}",
                    registration.definition().name(),
                    reason);
        }
        return reading;
    }

    static String seconds(Duration duration) {
        return String.valueOf(duration.toMillis() / 1000.0);
    }
}
