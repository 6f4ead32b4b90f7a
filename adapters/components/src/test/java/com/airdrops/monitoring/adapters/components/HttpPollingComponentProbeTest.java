package com.airdrops.monitoring.adapters.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.fixtures.SnapshotJson;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import com.airdrops.monitoring.domain.model.component.RiskLevel;
import com.airdrops.monitoring.domain.spi.ProbeException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polls a real local HTTP server that answers like a bot's status URL. */
class HttpPollingComponentProbeTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>(SnapshotJson.full("high"));
    private HttpServer server;
    private HttpPollingComponentProbe probe;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/status", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        probe = new HttpPollingComponentProbe(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status"),
                Duration.ofSeconds(2),
                InstantSource.fixed(NOW),
                HttpPollingComponentProbe.defaultClient());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsEveryFieldOfADocumentedSnapshot() {
        ComponentSnapshot snapshot = probe.probe();

        assertThat(snapshot.observedAt()).isEqualTo(NOW);
        assertThat(snapshot.status()).contains(ComponentStatus.HEALTHY);
        assertThat(snapshot.lastExecutionTime()).hasValue(0.42);
        assertThat(snapshot.successCount()).hasValue(17);
        assertThat(snapshot.metrics()).containsEntry("queue_depth", 3.0);
        assertThat(snapshot.riskLevel()).contains(RiskLevel.HIGH);
        assertThat(snapshot.portfolioValueUsd()).hasValue(152340.55);
        assertThat(snapshot.circuitBreakerActive()).contains(false);
        assertThat(snapshot.riskLimits()).containsEntry("max_protocol_exposure", 0.2);
        assertThat(snapshot.capitalUtilizationPercent()).hasValue(71.5);
        assertThat(snapshot.protocolAllocations()).containsEntry("scroll", 40.0).containsEntry("zksync", 35.0);
        assertThat(snapshot.running()).contains(true);
        assertThat(snapshot.taskDefinitions()).hasValue(12);
        assertThat(snapshot.taskExecutions()).containsEntry("completed", 30L).containsEntry("pending", 4L);
    }

    @Test
    void aNon2xxAnswerIsAProbeFailure() {
        status.set(503);
        assertThatThrownBy(probe::probe).isInstanceOf(ProbeException.class).hasMessageEndingWith("answered HTTP 503");
    }

    @Test
    void invalidJsonAndWrongTypesAreProbeFailuresNamingTheProblem() {
        body.set("{\"risk_level\": ");
        assertThatThrownBy(probe::probe)
                .isInstanceOf(ProbeException.class)
                .hasMessageContaining("answered invalid JSON");

        body.set("{\"task_definitions\": \"twelve\"}");
        assertThatThrownBy(probe::probe)
                .isInstanceOf(ProbeException.class)
                .hasMessageContaining("invalid snapshot: task_definitions: expected a whole number >= 0, got 'twelve'");
    }

    @Test
    void aFailureNeverShowsTheUrlsCredentials() {
        HttpPollingComponentProbe withCredentials = new HttpPollingComponentProbe(
                URI.create("http://bot:s3cret-pass@127.0.0.1:"
                        + server.getAddress().getPort() + "/status"),
                Duration.ofSeconds(2),
                InstantSource.fixed(NOW),
                HttpPollingComponentProbe.defaultClient());
        status.set(500);
        assertThatThrownBy(withCredentials::probe)
                .isInstanceOf(ProbeException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:")
                .hasMessageNotContaining("s3cret-pass")
                .hasMessageNotContaining("bot:");
        server.stop(0);
        assertThatThrownBy(withCredentials::probe)
                .isInstanceOf(ProbeException.class)
                .hasMessageNotContaining("s3cret-pass");
        assertThat(withCredentials.toString()).doesNotContain("s3cret-pass");
    }

    @Test
    void aStoppedServerIsAProbeFailure() {
        server.stop(0);
        assertThatThrownBy(probe::probe).isInstanceOf(ProbeException.class).hasMessageContaining("failed");
    }
}
