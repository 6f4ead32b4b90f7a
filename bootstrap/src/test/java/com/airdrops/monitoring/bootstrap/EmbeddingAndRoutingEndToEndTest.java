package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.components.InProcessComponentProbes;
import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.airdrops.monitoring.collection.ComponentRegistration;
import com.airdrops.monitoring.domain.bot.RiskManager;
import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.model.component.RiskLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent embedded in a Java bot's JVM: the bot's RiskManager registered in-process through a Guice module, an
 * alert rule on an aggregate series, and two channels of which one hangs while the other delivers on time.
 */
class EmbeddingAndRoutingEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void anInProcessRiskManagerIsWatchedAndAnAggregateRuleNotifiesDespiteAHangingChannel() throws Exception {
        AtomicReference<RiskLevel> level = new AtomicReference<>(RiskLevel.HIGH);
        RiskManager bot = new RiskManager() {
            @Override
            public RiskLevel riskLevel() {
                return level.get();
            }

            @Override
            public double portfolioValueUsd() {
                return 1_000;
            }

            @Override
            public boolean circuitBreakerActive() {
                return false;
            }

            @Override
            public Map<String, Double> riskLimits() {
                return Map.of("max_protocol_exposure", 0.2);
            }
        };
        ComponentDefinition definition = new ComponentDefinition(
                "risk_manager",
                "risk_manager",
                ComponentSource.PLUGIN,
                Optional.empty(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Map.of());
        AbstractModule embedding = new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), ComponentRegistration.class)
                        .addBinding()
                        .toInstance(new ComponentRegistration(
                                definition, InProcessComponentProbes.riskManager(bot, Clock.systemUTC())));
            }
        };
        // A rule on the 1 s window's average of the risk level: it fires once a closed window averaged >= 2.
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - { name: risk_high_on_average, metric_name: risk_level_avg, condition: gte, threshold: 2,
                      severity: high, description: Average risk level high over a window, for_duration: 0 }
                """);
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket hanging = new ServerSocket(0);
                RecordingReceiver prompt = new RecordingReceiver()) {
            Thread.ofVirtual().start(() -> {
                while (!hanging.isClosed()) {
                    try {
                        held.add(hanging.accept()); // accepts, reads nothing, never answers
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            Path notifications = Files.writeString(
                    dir.resolve("notifications.yaml"), """
                    channels:
                      - { name: stuck, type: webhook, config: { url: "http://127.0.0.1:%d/hook" } }
                      - { name: prompt, type: webhook, config: { url: "%s" } }
                    policy:
                      retry: { max_attempts: 3, initial_backoff_seconds: 1, max_backoff_seconds: 5, timeout_seconds: 60 }
                    """.formatted(hanging.getLocalPort(), prompt.url("/hook")));
            try (MonitoringAgent agent = MonitoringAgent.start(
                    AgentConfiguration.load(TestEnvironment.agent(
                            dir,
                            "ALERT_RULES_FILE",
                            rules.toString(),
                            "NOTIFICATIONS_FILE",
                            notifications.toString(),
                            "METRICS_COLLECTION_INTERVAL",
                            "0.25",
                            "METRICS_AGGREGATION_WINDOW_SECONDS",
                            "1",
                            "ALERT_EVALUATION_INTERVAL",
                            "0.25")),
                    List.of(embedding))) {
                try {
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> get(agent, "/metrics").contains("risk_level 2.0"));
                    assertThat(get(agent, "/metrics"))
                            .contains(
                                    "risk_limit{limit=\"max_protocol_exposure\"} 0.2",
                                    "component_status{component=\"risk_manager\"} 1.0");

                    // The prompt channel gets the notification while the other one hangs on its first attempt.
                    await().atMost(Duration.ofSeconds(15)).until(() -> prompt.requests.size() == 1);
                    assertThat(held).as("the stuck receiver holds a connection").isNotEmpty();
                    assertThat(JSON.readTree(prompt.requests.getFirst().body())
                                    .get("alerts")
                                    .get(0)
                                    .get("labels")
                                    .get("alertname")
                                    .asText())
                            .isEqualTo("risk_high_on_average");
                } finally {
                    // Release the stuck attempt before the agent closes: a closing agent waits for attempts in flight.
                    for (Socket socket : held) {
                        socket.close();
                    }
                }
            }
        }
    }

    private String get(MonitoringAgent agent, String path) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
