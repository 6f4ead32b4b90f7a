package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.domain.bot.CapitalAllocator;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import com.airdrops.monitoring.domain.model.component.PortfolioPoint;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ComponentProbeFactory;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent embedded in a Java application, with no HTTP call: an in-process CapitalAllocator, a component type bound
 * with a Guice Multibinder and used by components.yaml, a listener that receives a transition, and the typed reads.
 */
class EmbeddedAgentTest {
    @TempDir
    Path dir;

    /** Component type {@code queue}: a probe reporting the gauge {@code queue_depth} from its config. */
    static class QueueProbeFactory implements ComponentProbeFactory {
        @Override
        public String type() {
            return "queue";
        }

        @Override
        public ComponentProbe create(com.airdrops.monitoring.domain.model.component.ComponentDefinition definition) {
            double depth = ((Number) definition.config().get("depth")).doubleValue();
            return () -> ComponentSnapshot.builder(Instant.now())
                    .metric("queue_depth", depth)
                    .build();
        }
    }

    /** Component type {@code broken}: a plugin whose factory throws, as a buggy one would. */
    static class BrokenProbeFactory implements ComponentProbeFactory {
        @Override
        public String type() {
            return "broken";
        }

        @Override
        public ComponentProbe create(com.airdrops.monitoring.domain.model.component.ComponentDefinition definition) {
            throw new IllegalStateException("factory boom");
        }
    }

    @Test
    void aPluginWhoseFactoryThrowsLeavesItsComponentUnhealthyAndTheAgentRunning() throws Exception {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: gas, type: broken, source: plugin }
                  - { name: jobs, type: queue, source: plugin, config: { depth: 7 } }
                """);
        try (MonitoringAgent agent = MonitoringAgent.builder()
                .settings(TestEnvironment.agent(
                        dir,
                        "COMPONENTS_FILE",
                        dir.resolve("components.yaml").toString(),
                        "METRICS_COLLECTION_INTERVAL",
                        "0.2"))
                .componentType(new BrokenProbeFactory())
                .componentType(new QueueProbeFactory())
                .start()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agent.latestSnapshot()
                            .map(snapshot -> snapshot.components().size() == 2)
                            .orElse(false));
            var components = agent.latestSnapshot().orElseThrow().components();
            assertThat(components)
                    .filteredOn(component -> component.componentName().equals("gas"))
                    .singleElement()
                    .satisfies(gas -> {
                        assertThat(gas.status()).isEqualTo(ComponentStatus.UNHEALTHY);
                        assertThat(gas.problem().reason())
                                .hasValueSatisfying(reason ->
                                        assertThat(reason).contains("factory boom", "component type 'broken'"));
                    });
            assertThat(agent.exportPrometheusFormat()).contains("queue_depth{component=\"jobs\"} 7.0");
        }
    }

    @Test
    void anEmbeddedAgentRunsBoundTypesInProcessComponentsAndTellsItsListener() throws Exception {
        Files.writeString(dir.resolve("components.yaml"), """
                components:
                  - { name: jobs, type: queue, source: plugin, config: { depth: 250 } }
                """);
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - { name: queue_deep, metric_name: queue_depth, condition: gt, threshold: 100, severity: high,
                      for_duration: 0, summary: "{{ $labels.component }} at {{ $value }}" }
                  - { name: drawdown_deep, metric_name: portfolio_drawdown_percent, condition: gt, threshold: 15,
                      severity: critical, for_duration: 0 }
                """);
        AtomicReference<Double> utilization = new AtomicReference<>(70.0);
        CapitalAllocator allocator = new CapitalAllocator() {
            @Override
            public double capitalUtilizationPercent() {
                return utilization.get();
            }

            @Override
            public Map<String, Double> protocolAllocations() {
                return Map.of("scroll", 40.0);
            }

            @Override
            public List<PortfolioPoint> portfolioHistory() {
                Instant now = Instant.now();
                return List.of(
                        new PortfolioPoint(now.minus(Duration.ofHours(48)), 1000),
                        new PortfolioPoint(now.minus(Duration.ofHours(24)), 1100),
                        new PortfolioPoint(now, 880));
            }
        };
        List<Alert> heard = new CopyOnWriteArrayList<>();
        try (MonitoringAgent agent = MonitoringAgent.builder()
                .settings(TestEnvironment.agent(
                        dir,
                        "COMPONENTS_FILE",
                        dir.resolve("components.yaml").toString(),
                        "ALERT_RULES_FILE",
                        dir.resolve("rules.yaml").toString(),
                        "METRICS_COLLECTION_INTERVAL",
                        "0.2",
                        "METRICS_AGGREGATION_WINDOW_SECONDS",
                        "1",
                        "ALERT_EVALUATION_INTERVAL",
                        "0.2"))
                .component("allocator", allocator)
                .module(new AbstractModule() {
                    @Override
                    protected void configure() {
                        Multibinder.newSetBinder(binder(), ComponentProbeFactory.class)
                                .addBinding()
                                .to(QueueProbeFactory.class);
                    }
                })
                .alertListener(heard::add)
                .start()) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> heard.stream()
                                    .filter(alert -> alert.status() == AlertStatus.FIRING)
                                    .count()
                            == 2);
            Alert firing = heard.stream()
                    .filter(alert -> alert.ruleName().equals("queue_deep"))
                    .findFirst()
                    .orElseThrow();
            assertThat(firing.summary()).isEqualTo("jobs at 250");
            // A rule on a portfolio gauge fires like any other: the allocator is 20 % below its peak.
            assertThat(agent.activeAlerts())
                    .extracting(Alert::ruleName)
                    .containsExactlyInAnyOrder("queue_deep", "drawdown_deep");
            assertThat(agent.alertHistory()).extracting(Alert::ruleName).contains("queue_deep", "drawdown_deep");
            assertThat(agent.rules()).extracting(rule -> rule.name()).containsExactly("queue_deep", "drawdown_deep");
            assertThat(agent.silences().silences()).isEmpty();
            assertThat(agent.latestSnapshot()).isPresent();
            // 1100 -> 880: a 20 % fall over 24 h, and 20 % below the peak.
            String exposition = agent.exportPrometheusFormat();
            assertThat(exposition).contains("queue_depth{component=\"jobs\"} 250.0");
            assertThat(RiskScenario.value(exposition, "portfolio_return_percent{window=\"24h\"}"))
                    .isCloseTo(-20.0, within(1e-9));
            assertThat(RiskScenario.value(exposition, "portfolio_drawdown_percent"))
                    .isCloseTo(20.0, within(1e-9));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !agent.aggregates("queue_depth").isEmpty());
            // A collection asked for now reads the in-process component at once, and /metrics shows it.
            utilization.set(55.0);
            MetricsSnapshot collected = agent.collectAllMetrics().orElseThrow();
            assertThat(collected.samples())
                    .filteredOn(sample -> sample.name().equals("capital_utilization_percent"))
                    .singleElement()
                    .satisfies(sample -> assertThat(sample.value()).isEqualTo(55.0));
            assertThat(RiskScenario.value(agent.exportPrometheusFormat(), "capital_utilization_percent"))
                    .isEqualTo(55.0);
        }
    }

    @Test
    void aChannelTypeGivenToTheBuilderIsUsedByNotificationsYaml() throws Exception {
        Files.writeString(dir.resolve("notifications.yaml"), """
                channels:
                  - { name: inbox, type: memory }
                """);
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - { name: always, metric_name: system_memory_usage_percent, condition: gte, threshold: 0,
                      severity: low, for_duration: 0 }
                """);
        List<String> delivered = new CopyOnWriteArrayList<>();
        AlertNotifierFactory memory = new AlertNotifierFactory() {
            @Override
            public String type() {
                return "memory";
            }

            @Override
            public AlertNotifier create(NotificationChannel channel) {
                return (notification, timeout) -> {
                    notification.alerts().forEach(alert -> delivered.add(channel.name() + " " + alert.ruleName()));
                    return AlertNotifier.DeliveryOutcome.delivered();
                };
            }
        };
        try (MonitoringAgent agent = MonitoringAgent.builder()
                .settings(TestEnvironment.agent(
                        dir,
                        "NOTIFICATIONS_FILE",
                        dir.resolve("notifications.yaml").toString(),
                        "ALERT_RULES_FILE",
                        dir.resolve("rules.yaml").toString(),
                        "METRICS_COLLECTION_INTERVAL",
                        "0.2",
                        "ALERT_EVALUATION_INTERVAL",
                        "0.2"))
                .channelType(memory)
                .start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> delivered.contains("inbox always"));
        }
    }

    @Test
    void aTypeBoundTwiceIsAStartUpErrorNamingBoth() throws Exception {
        Files.writeString(dir.resolve("components.yaml"), "components: []\n");
        AgentBuilder builder = MonitoringAgent.builder()
                .settings(TestEnvironment.agent(dir))
                .module(new AbstractModule() {
                    @Override
                    protected void configure() {
                        Multibinder<ComponentProbeFactory> factories =
                                Multibinder.newSetBinder(binder(), ComponentProbeFactory.class);
                        factories.addBinding().to(QueueProbeFactory.class);
                        factories.addBinding().toInstance(new QueueProbeFactory() {});
                    }
                });
        assertThatThrownBy(builder::start)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("both declare component type 'queue'")
                .hasMessageContaining(
                        "the embedding application's factory #1 (" + QueueProbeFactory.class.getName() + ")");
    }
}
