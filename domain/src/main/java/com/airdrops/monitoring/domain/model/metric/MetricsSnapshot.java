package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.component.ComponentMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one collection cycle produced: the typed system and component views, and the uniform
 * samples (which include the values of both, so that anything can be exposed, aggregated and alerted on), plus the
 * histogram observations of the cycle. {@code system} is empty when the host probe failed in that cycle.
 *
 * <p>{@code silent} is what the silent components last said: their business samples at their last known values, not
 * exposed or aggregated, on which alerts keep their state; and the components not heard from since the agent started,
 * whose alerts restored from the database are kept for the same reason.
 */
public record MetricsSnapshot(
        Instant timestamp,
        Optional<SystemMetrics> system,
        List<ComponentMetrics> components,
        List<Sample> samples,
        List<Observation> observations,
        SilentSeries silent) {

    public MetricsSnapshot {
        Require.nonNull(timestamp, "timestamp");
        system = system == null ? Optional.empty() : system;
        components = List.copyOf(Require.nonNull(components, "components"));
        samples = List.copyOf(Require.nonNull(samples, "samples"));
        observations = observations == null ? List.of() : List.copyOf(observations);
        silent = silent == null ? SilentSeries.NONE : silent;
    }

    public MetricsSnapshot(
            Instant timestamp,
            Optional<SystemMetrics> system,
            List<ComponentMetrics> components,
            List<Sample> samples,
            List<Observation> observations) {
        this(timestamp, system, components, samples, observations, SilentSeries.NONE);
    }

    public MetricsSnapshot(
            Instant timestamp,
            Optional<SystemMetrics> system,
            List<ComponentMetrics> components,
            List<Sample> samples) {
        this(timestamp, system, components, samples, List.of());
    }
}
