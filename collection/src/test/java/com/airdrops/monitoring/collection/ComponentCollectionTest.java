package com.airdrops.monitoring.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentMetrics;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshotBuilder;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import com.airdrops.monitoring.domain.model.component.RiskLevel;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Observation;
import com.airdrops.monitoring.domain.port.driven.DiskReading;
import com.airdrops.monitoring.domain.port.driven.HostReading;
import com.airdrops.monitoring.domain.port.driven.SystemProbe;
import com.airdrops.monitoring.domain.port.driving.PushOutcome;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComponentCollectionTest {
    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    private static final SystemProbe HOST =
            () -> new HostReading(100, 50, 1000, 500, new DiskReading.Space(1000, 500, 500), 1, 2);

    private final TestClock clock = TestClock.at(START);
    private final CountDownLatch released = new CountDownLatch(1);
    private MetricsCollector collector;

    @AfterEach
    void tearDown() {
        released.countDown();
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void riskManagerFieldsBecomeTheirDocumentedMetrics() {
        collector = collector(registration(
                "risk_manager",
                "risk_manager",
                () -> ComponentSnapshot.builder(clock.instant())
                        .riskLevel(RiskLevel.CRITICAL)
                        .portfolioValueUsd(152340.55)
                        .circuitBreakerActive(true)
                        .riskLimit("max_protocol_exposure", 0.2)
                        .lastExecutionTime(0.42)
                        .errorCount(1)
                        .successCount(17)
                        .metric("queue_depth", 3)
                        .build()));

        MetricsSnapshot snapshot = collector.collectAllMetrics();

        assertThat(samples(snapshot))
                .contains(
                        sample("component_status", Map.of("component", "risk_manager"), 1),
                        sample("component_errors_total", Map.of("component", "risk_manager"), 0),
                        sample("component_last_execution_seconds", Map.of("component", "risk_manager"), 0.42),
                        sample("component_reported_errors", Map.of("component", "risk_manager"), 1),
                        sample("component_reported_successes", Map.of("component", "risk_manager"), 17),
                        sample("queue_depth", Map.of("component", "risk_manager"), 3),
                        sample("risk_level", Map.of(), 3),
                        sample("portfolio_value_usd", Map.of(), 152340.55),
                        sample("circuit_breaker_active", Map.of(), 1),
                        sample("risk_limit", Map.of("limit", "max_protocol_exposure"), 0.2));
        assertThat(snapshot.observations())
                .extracting(Observation::name, Observation::labels)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "component_execution_seconds", Map.of("component", "risk_manager")));
        assertThat(snapshot.components()).singleElement().satisfies(metrics -> {
            assertThat(metrics.status()).isEqualTo(ComponentStatus.HEALTHY);
            assertThat(metrics.lastExecutionTime()).isEqualTo(0.42);
            assertThat(metrics.successCount()).isEqualTo(1);
        });
    }

    @Test
    void allocatorAndSchedulerFieldsBecomeTheirDocumentedMetrics() {
        collector = collector(
                registration(
                        "capital_allocator",
                        "capital_allocator",
                        () -> ComponentSnapshot.builder(clock.instant())
                                .capitalUtilizationPercent(71.5)
                                .protocolAllocation("scroll", 40)
                                .protocolAllocation("zksync", 35)
                                .build()),
                registration(
                        "scheduler",
                        "scheduler",
                        () -> ComponentSnapshot.builder(clock.instant())
                                .running(true)
                                .taskDefinitions(12)
                                .taskExecutions("completed", 30)
                                .taskExecutions("failed", 2)
                                .build()));

        List<Value> samples = samples(collector.collectAllMetrics());

        assertThat(samples)
                .contains(
                        sample("capital_utilization_percent", Map.of(), 71.5),
                        sample("protocol_allocation_percent", Map.of("protocol", "scroll"), 40),
                        sample("protocol_allocation_percent", Map.of("protocol", "zksync"), 35),
                        sample("scheduler_running", Map.of(), 1),
                        sample("scheduled_tasks", Map.of(), 12),
                        sample("task_executions", Map.of("status", "completed"), 30),
                        sample("task_executions", Map.of("status", "failed"), 2));
    }

    @Test
    void genericComponentsReportOnlyTheirGaugesEvenIfTheySendRoleFields() {
        collector = collector(registration(
                "wallet",
                "generic",
                () -> ComponentSnapshot.builder(clock.instant())
                        .riskLevel(RiskLevel.HIGH)
                        .metric("wallet_balance_eth", 1.5)
                        .build()));

        List<Value> samples = samples(collector.collectAllMetrics());

        assertThat(samples).contains(sample("wallet_balance_eth", Map.of("component", "wallet"), 1.5));
        assertThat(samples).noneMatch(sample -> sample.name().equals("risk_level"));
    }

    @Test
    void aComponentReportingTenThousandSeriesIsBoundedAndTheRestAreCounted() {
        collector = collector(registration("scheduler", "scheduler", () -> {
            ComponentSnapshotBuilder builder = ComponentSnapshot.builder(clock.instant());
            for (int i = 0; i < 10_000; i++) {
                builder.taskExecutions("status_" + i, i);
            }
            return builder.build();
        }));

        List<Value> first = samples(collector.collectAllMetrics());
        assertThat(first)
                .filteredOn(sample -> sample.name().equals("task_executions"))
                .hasSize(1_000);
        assertThat(first).contains(sample("component_status", Map.of("component", "scheduler"), 1));
        assertThat(first)
                .contains(sample("monitoring_component_dropped_series_total", Map.of("component", "scheduler"), 9_000));
        assertThat(samples(collector.collectAllMetrics()))
                .as("a counter: every collection adds what it dropped")
                .contains(
                        sample("monitoring_component_dropped_series_total", Map.of("component", "scheduler"), 18_000));
    }

    @Test
    void aHangingProbeDelaysTheCycleByItsTimeoutOnlyAndTheOthersStillReport() {
        collector = collector(
                registration("scheduler", "scheduler", Duration.ofMillis(200), () -> {
                    awaitRelease();
                    return ComponentSnapshot.builder(clock.instant()).build();
                }),
                registration(
                        "capital_allocator",
                        "capital_allocator",
                        () -> ComponentSnapshot.builder(clock.instant())
                                .capitalUtilizationPercent(50)
                                .build()));

        long started = System.nanoTime();
        MetricsSnapshot snapshot = collector.collectAllMetrics();
        Duration cycle = Duration.ofNanos(System.nanoTime() - started);

        assertThat(cycle).isLessThan(Duration.ofSeconds(5));
        assertThat(samples(snapshot))
                .contains(
                        sample("component_status", Map.of("component", "scheduler"), 0),
                        sample("component_errors_total", Map.of("component", "scheduler"), 1),
                        sample("component_status", Map.of("component", "capital_allocator"), 1),
                        sample("capital_utilization_percent", Map.of(), 50))
                .anyMatch(sample -> sample.name().equals("system_cpu_usage_percent"));
        assertThat(snapshot.observations())
                .filteredOn(o -> o.labels().get("component").equals("scheduler"))
                .extracting(Observation::value)
                .containsExactly(0.2);
    }

    @Test
    void aProbeStillHungFromTheLastCycleIsNotStartedAgain() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        collector = collector(registration("scheduler", "scheduler", Duration.ofMillis(50), () -> {
            calls.incrementAndGet();
            awaitReleaseIgnoringInterrupts();
            return ComponentSnapshot.builder(clock.instant()).build();
        }));

        collector.collectAllMetrics();
        MetricsSnapshot second = collector.collectAllMetrics();

        assertThat(calls.get()).isEqualTo(1);
        assertThat(samples(second)).contains(sample("component_errors_total", Map.of("component", "scheduler"), 2));
    }

    @Test
    void aThrowingProbeMarksOnlyItsComponentUnhealthyAndCountsAnError() {
        collector = collector(
                registration("risk_manager", "risk_manager", () -> {
                    throw new IllegalStateException("bot crashed");
                }),
                registration(
                        "wallet",
                        "generic",
                        () -> ComponentSnapshot.builder(clock.instant())
                                .metric("balance", 2)
                                .build()));

        collector.collectAllMetrics();
        MetricsSnapshot second = collector.collectAllMetrics();

        assertThat(samples(second))
                .contains(
                        sample("component_status", Map.of("component", "risk_manager"), 0),
                        sample("component_errors_total", Map.of("component", "risk_manager"), 2),
                        sample("component_status", Map.of("component", "wallet"), 1),
                        sample("balance", Map.of("component", "wallet"), 2));
        assertThat(second.components())
                .extracting(ComponentMetrics::componentName, ComponentMetrics::errorCount)
                .contains(org.assertj.core.groups.Tuple.tuple("risk_manager", 2L));
    }

    @Test
    void aComponentThatReportsItselfUnhealthyIsUnhealthyWithoutAnError() {
        collector = collector(registration(
                "scheduler",
                "scheduler",
                () -> ComponentSnapshot.builder(clock.instant())
                        .status(ComponentStatus.UNHEALTHY)
                        .running(false)
                        .build()));

        assertThat(samples(collector.collectAllMetrics()))
                .contains(
                        sample("component_status", Map.of("component", "scheduler"), 0),
                        sample("component_errors_total", Map.of("component", "scheduler"), 0),
                        sample("scheduler_running", Map.of(), 0));
    }

    @Test
    void pushedDataOlderThanTheStalenessLimitMakesTheComponentUnhealthyAndDropsItsGauges() {
        PushedComponentSnapshots pushed = new PushedComponentSnapshots(List.of("risk_manager"));
        ComponentDefinition definition = pushedRiskManager();
        collector = new MetricsCollector(
                HOST, List.of(new ComponentRegistration(definition, pushed.probeFor("risk_manager"))), clock);

        assertThat(samples(collector.collectAllMetrics()))
                .contains(sample("component_status", Map.of("component", "risk_manager"), 0));

        assertThat(pushed.accept(
                        "risk_manager",
                        ComponentSnapshot.builder(clock.instant())
                                .riskLevel(RiskLevel.HIGH)
                                .build()))
                .isInstanceOf(PushOutcome.Accepted.class);
        clock.set(START.plusSeconds(120));
        assertThat(samples(collector.collectAllMetrics()))
                .contains(
                        sample("component_status", Map.of("component", "risk_manager"), 1),
                        sample("risk_level", Map.of(), 2));

        clock.set(START.plusSeconds(121));
        MetricsSnapshot snapshot = collector.collectAllMetrics();
        List<Value> stale = samples(snapshot);
        assertThat(stale)
                .contains(
                        sample("component_status", Map.of("component", "risk_manager"), 0),
                        sample("component_up", Map.of("component", "risk_manager"), 0),
                        sample("component_errors_total", Map.of("component", "risk_manager"), 2));
        assertThat(stale).noneMatch(sample -> sample.name().equals("risk_level"));
        assertThat(snapshot.silent().withheld())
                .as("what the silent component last said, for its alerts to keep their state on")
                .extracting(sample -> new Value(sample.name(), sample.labels(), sample.value()))
                .containsExactly(sample("risk_level", Map.of(), 2));
        assertThat(snapshot.silent().neverHeard()).isEmpty();
    }

    @Test
    void aComponentNotHeardFromYetIsSaidOnceAtInfoAndWarnedAboutOnceItsLimitHasPassed() {
        PushedComponentSnapshots pushed = new PushedComponentSnapshots(List.of("risk_manager"));
        collector = new MetricsCollector(
                HOST, List.of(new ComponentRegistration(pushedRiskManager(), pushed.probeFor("risk_manager"))), clock);
        try (CapturedLog logged = new CapturedLog(ComponentCollector.class)) {
            collector.collectAllMetrics();
            clock.set(START.plusSeconds(60));
            collector.collectAllMetrics();
            assertThat(logged.lines())
                    .containsExactly("INFO Component risk_manager not heard from yet (no snapshot pushed yet); down if"
                            + " still silent 120.0 s after the start");

            clock.set(START.plusSeconds(121));
            collector.collectAllMetrics();
            clock.set(START.plusSeconds(150));
            collector.collectAllMetrics();
            assertThat(logged.lines())
                    .hasSize(2)
                    .last()
                    .isEqualTo("WARN Component risk_manager unhealthy: no snapshot pushed yet");
        }
    }

    @Test
    void aComponentThatSaidItWasStoppingAndWentSilentIsAPlannedStop() {
        PushedComponentSnapshots pushed = new PushedComponentSnapshots(List.of("risk_manager"));
        collector = new MetricsCollector(
                HOST, List.of(new ComponentRegistration(pushedRiskManager(), pushed.probeFor("risk_manager"))), clock);
        assertThat(collector.collectAllMetrics().silent().neverHeard()).containsExactly("risk_manager");

        pushed.accept(
                "risk_manager",
                ComponentSnapshot.builder(clock.instant())
                        .status(ComponentStatus.STOPPING)
                        .riskLevel(RiskLevel.LOW)
                        .build());
        assertThat(samples(collector.collectAllMetrics()))
                .contains(
                        sample("component_up", Map.of("component", "risk_manager"), 1),
                        sample("component_status", Map.of("component", "risk_manager"), 1));

        clock.set(START.plusSeconds(121));
        assertThat(samples(collector.collectAllMetrics()))
                .as("silent after a planned stop: up 0, marked planned, and not unhealthy")
                .contains(
                        sample("component_up", Map.of("component", "risk_manager", "stop", "planned"), 0),
                        sample("component_status", Map.of("component", "risk_manager"), 1));
    }

    @Test
    void aRefreshReadsOnlyThePushedComponentsAndKeepsTheRestOfTheLastCycle() {
        PushedComponentSnapshots pushed = new PushedComponentSnapshots(List.of("risk_manager"));
        ComponentDefinition definition = pushedRiskManager();
        AtomicInteger polls = new AtomicInteger();
        collector = new MetricsCollector(
                HOST,
                List.of(
                        new ComponentRegistration(definition, pushed.probeFor("risk_manager")),
                        registration("allocator", "capital_allocator", () -> {
                            polls.incrementAndGet();
                            return ComponentSnapshot.builder(clock.instant())
                                    .capitalUtilizationPercent(40)
                                    .build();
                        })),
                clock);
        assertThat(collector.refreshPushed())
                .as("nothing to refresh before the first cycle")
                .isEmpty();
        pushed.accept(
                "risk_manager",
                ComponentSnapshot.builder(clock.instant())
                        .riskLevel(RiskLevel.LOW)
                        .build());
        MetricsSnapshot cycle = collector.collectAllMetrics();
        assertThat(samples(cycle)).contains(sample("risk_level", Map.of(), 0));

        pushed.accept(
                "risk_manager",
                ComponentSnapshot.builder(clock.instant())
                        .riskLevel(RiskLevel.CRITICAL)
                        .build());
        MetricsSnapshot refreshed = collector.refreshPushed().orElseThrow();

        assertThat(collector.latest()).contains(refreshed);
        assertThat(polls).as("the polled component is not probed again").hasValue(1);
        assertThat(samples(refreshed))
                .contains(
                        sample("risk_level", Map.of(), 3),
                        sample("capital_utilization_percent", Map.of(), 40),
                        sample("monitoring_collections_total", Map.of(), 1),
                        sample("component_errors_total", Map.of("component", "allocator"), 0));
        assertThat(refreshed.observations())
                .extracting(observation -> observation.labels().get("component"))
                .containsExactly("risk_manager");
    }

    @Test
    void aPushForAnUnknownComponentIsRefused() {
        PushedComponentSnapshots pushed = new PushedComponentSnapshots(List.of("risk_manager"));
        assertThat(pushed.accept("wallet", ComponentSnapshot.builder(START).build()))
                .isEqualTo(new PushOutcome.UnknownComponent("wallet"));
    }

    private static ComponentDefinition pushedRiskManager() {
        return new ComponentDefinition(
                "risk_manager",
                "risk_manager",
                ComponentSource.PUSH,
                Optional.empty(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(120),
                Map.of());
    }

    private MetricsCollector collector(ComponentRegistration... registrations) {
        return new MetricsCollector(HOST, List.of(registrations), clock);
    }

    private void awaitRelease() {
        try {
            released.await(); // until the test ends: a probe that hangs far longer than its timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Like a call stuck in native code: cancelling the probe does not end it. */
    private void awaitReleaseIgnoringInterrupts() {
        boolean interrupted = false;
        while (released.getCount() > 0) {
            try {
                released.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ComponentRegistration registration(String name, String type, ComponentProbe probe) {
        return registration(name, type, Duration.ofSeconds(5), probe);
    }

    private static ComponentRegistration registration(
            String name, String type, Duration timeout, ComponentProbe probe) {
        return new ComponentRegistration(
                new ComponentDefinition(
                        name,
                        type,
                        ComponentSource.POLL,
                        Optional.of(URI.create("http://127.0.0.1:1/status")),
                        timeout,
                        Duration.ofSeconds(120),
                        Map.of()),
                probe);
    }

    private static List<Value> samples(MetricsSnapshot snapshot) {
        return snapshot.samples().stream()
                .map(sample -> new Value(sample.name(), sample.labels(), sample.value()))
                .toList();
    }

    private static Value sample(String name, Map<String, String> labels, double value) {
        return new Value(name, labels, value);
    }

    /** A sample without its timestamp. */
    private record Value(String name, Map<String, String> labels, double value) {}
}
