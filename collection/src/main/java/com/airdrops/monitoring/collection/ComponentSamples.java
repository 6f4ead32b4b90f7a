package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentMetrics;
import com.airdrops.monitoring.domain.model.component.ComponentProblem;
import com.airdrops.monitoring.domain.model.component.ComponentRole;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.PerformanceWindow;
import com.airdrops.monitoring.domain.model.component.PortfolioPerformance;
import com.airdrops.monitoring.domain.model.component.TaskFailure;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Observation;
import com.airdrops.monitoring.domain.model.metric.ReservedNames;
import com.airdrops.monitoring.domain.model.metric.Sample;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a component reading to the component samples that /metrics exposes (see the README's metric table). A failed
 * or stale component keeps only its health series (status, {@code component_up} 0, errors, probe duration): its
 * business gauges disappear from /metrics rather than repeat stale values, and go, at their last known values, to the
 * withheld samples, on which alerts keep their state (a silent bot must not read as "all clear"). A snapshot yields at
 * most {@value #MAX_SERIES_PER_COMPONENT} business series; the rest are dropped and counted, so one component cannot
 * flood the exposition.
 */
final class ComponentSamples {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentSamples.class);

    static final int MAX_SERIES_PER_COMPONENT = 1_000;

    private final Instant at;
    private final List<Sample> samples;
    private int budget = MAX_SERIES_PER_COMPONENT;
    private int dropped;

    /** Withheld samples are a silent component's last known ones again: not counted, not warned about twice. */
    private final boolean withheld;

    private ComponentSamples(Instant at, List<Sample> samples, boolean withheld) {
        this.at = at;
        this.samples = samples;
        this.withheld = withheld;
    }

    /**
     * Adds the reading's samples and observations, and a silent component's last known business samples to {@code
     * withheld}; {@code droppedSeries} gains the business series this snapshot had beyond the bound.
     */
    static ComponentMetrics add(
            ComponentReading reading,
            Instant at,
            List<Sample> samples,
            List<Sample> withheld,
            List<Observation> observations,
            Map<String, Long> droppedSeries) {
        String name = reading.definition().name();
        Map<String, String> component = Map.of("component", name);
        ComponentSamples out = new ComponentSamples(at, samples, false);
        out.health(MetricCatalog.COMPONENT_STATUS, component, reading.status().gaugeValue());
        if (!(reading instanceof FailedReading failed && failed.awaitingFirst())) {
            // A component not heard from yet is not known to be down until its staleness limit has passed.
            out.health(
                    MetricCatalog.COMPONENT_UP,
                    reading.plannedStop() ? Map.of("component", name, "stop", "planned") : component,
                    reading instanceof FreshReading ? 1 : 0);
        }
        out.health(MetricCatalog.COMPONENT_ERRORS, component, reading.errors());
        reading.lastKnown()
                .ifPresent(snapshot -> new ComponentSamples(at, withheld, true)
                        .addSnapshot(snapshot, reading.definition().role().orElse(ComponentRole.GENERIC), component));
        observations.add(new Observation(MetricCatalog.COMPONENT_EXECUTION, component, reading.probeSeconds()));
        double lastExecution = reading.probeSeconds();
        if (reading instanceof FreshReading fresh) {
            out.addSnapshot(fresh.snapshot(), reading.definition().role().orElse(ComponentRole.GENERIC), component);
            lastExecution = fresh.snapshot().lastExecutionTime().orElse(lastExecution);
        }
        if (out.dropped > 0) {
            long before = droppedSeries.getOrDefault(name, 0L);
            droppedSeries.put(name, before + out.dropped);
            if (before == 0) {
                LOG.warn(
                        "Component {} reported {} series beyond the bound of {}; they are dropped and counted in "
                                + "monitoring_component_dropped_series_total",
                        name,
                        out.dropped,
                        MAX_SERIES_PER_COMPONENT);
            }
        }
        return new ComponentMetrics(
                name,
                reading.definition().type(),
                reading.status(),
                switch (reading) {
                    case FreshReading fresh ->
                        fresh.snapshot()
                                .statusReason()
                                .map(reason -> new ComponentProblem(reason, false))
                                .orElse(ComponentProblem.NONE);
                    case FailedReading failed -> new ComponentProblem(failed.reason(), false);
                    case StaleReading stale -> new ComponentProblem(stale.reason(), true);
                },
                lastExecution,
                reading.errors(),
                reading.successes(),
                reading instanceof FreshReading fresh
                        ? Optional.of(fresh.snapshot().observedAt())
                        : reading.lastKnown().map(ComponentSnapshot::observedAt));
    }

    private void addSnapshot(ComponentSnapshot snapshot, ComponentRole role, Map<String, String> component) {
        snapshot.lastExecutionTime().ifPresent(value -> add(MetricCatalog.COMPONENT_LAST_EXECUTION, component, value));
        snapshot.errorCount().ifPresent(value -> add(MetricCatalog.COMPONENT_REPORTED_ERRORS, component, value));
        snapshot.successCount().ifPresent(value -> add(MetricCatalog.COMPONENT_REPORTED_SUCCESSES, component, value));
        snapshot.metrics().forEach((metric, value) -> {
            Optional<String> reserved = ReservedNames.reservedReason(metric);
            if (reserved.isPresent() && withheld) {
                return; // warned about when it came
            }
            if (reserved.isPresent()) {
                LOG.warn(
                        "Component {} reported a gauge that is ignored: {}",
                        component.get("component"),
                        reserved.get());
            } else {
                add(metric, component, value);
            }
        });
        switch (role) {
            case RISK_MANAGER -> {
                snapshot.riskLevel().ifPresent(level -> add(MetricCatalog.RISK_LEVEL, Map.of(), level.gaugeValue()));
                snapshot.portfolioValueUsd().ifPresent(value -> add(MetricCatalog.PORTFOLIO_VALUE, Map.of(), value));
                snapshot.circuitBreakerActive()
                        .ifPresent(active -> add(MetricCatalog.CIRCUIT_BREAKER, Map.of(), active ? 1 : 0));
                snapshot.riskLimits()
                        .forEach((limit, value) -> add(MetricCatalog.RISK_LIMIT, Map.of("limit", limit), value));
            }
            case CAPITAL_ALLOCATOR -> {
                snapshot.capitalUtilizationPercent()
                        .ifPresent(value -> add(MetricCatalog.CAPITAL_UTILIZATION, Map.of(), value));
                snapshot.protocolAllocations()
                        .forEach((protocol, percent) ->
                                add(MetricCatalog.PROTOCOL_ALLOCATION, Map.of("protocol", protocol), percent));
                if (!snapshot.portfolioHistory().isEmpty()) {
                    PortfolioPerformance performance = new PortfolioPerformance(snapshot.portfolioHistory());
                    for (PerformanceWindow window : PortfolioPerformance.WINDOWS) {
                        performance
                                .returnPercent(window.length())
                                .ifPresent(value ->
                                        add(MetricCatalog.PORTFOLIO_RETURN, Map.of("window", window.label()), value));
                    }
                    performance
                            .currentDrawdownPercent()
                            .ifPresent(value -> add(MetricCatalog.PORTFOLIO_DRAWDOWN, Map.of(), value));
                    performance
                            .maxDrawdownPercent()
                            .ifPresent(value -> add(MetricCatalog.PORTFOLIO_MAX_DRAWDOWN, Map.of(), value));
                    performance
                            .volatilityPercent()
                            .ifPresent(value -> add(MetricCatalog.PORTFOLIO_VOLATILITY, Map.of(), value));
                }
            }
            case SCHEDULER -> {
                snapshot.running()
                        .ifPresent(running -> add(MetricCatalog.SCHEDULER_RUNNING, Map.of(), running ? 1 : 0));
                snapshot.taskDefinitions().ifPresent(count -> add(MetricCatalog.SCHEDULED_TASKS, Map.of(), count));
                snapshot.taskExecutions()
                        .forEach(
                                (status, count) -> add(MetricCatalog.TASK_EXECUTIONS, Map.of("status", status), count));
                Map<String, Double> lastFailed = new LinkedHashMap<>();
                for (TaskFailure failure : snapshot.lastFailures()) {
                    lastFailed.putIfAbsent(
                            failure.task(),
                            failure.at().orElse(snapshot.observedAt()).toEpochMilli() / 1000.0);
                }
                lastFailed.forEach((task, at) -> add(MetricCatalog.TASK_LAST_FAILURE, Map.of("task", task), at));
            }
            case GENERIC -> {
                // Generic components and plugin types report only their extra gauges.
            }
        }
    }

    private void health(String name, Map<String, String> labels, double value) {
        samples.add(new Sample(name, labels, value, at));
    }

    private void add(String name, Map<String, String> labels, double value) {
        if (budget == 0) {
            dropped++;
            return;
        }
        budget--;
        samples.add(new Sample(name, labels, value, at));
    }
}
