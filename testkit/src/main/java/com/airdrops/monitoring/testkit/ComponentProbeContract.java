package com.airdrops.monitoring.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ProbeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ComponentProbe} must do; a component type's test extends this class and says how to build its
 * probe for an endpoint. The agent runs probes with their timeout and treats a {@link ProbeException} as a failed
 * reading; anything else a probe throws is a bug the agent must work around.
 */
public abstract class ComponentProbeContract {
    /** The timeout the probe is built with in the timeout test. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** The probe under test, reading {@code url} with {@code timeout}. */
    protected abstract ComponentProbe probe(URI url, Duration timeout);

    /** An endpoint with a good answer for this probe: a test prepares the receiver (its answer) and returns its URL. */
    protected abstract URI healthyEndpoint(RecordingReceiver receiver);

    @Test
    void aGoodAnswerGivesASnapshot() {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            Object outcome = outcome(probe(healthyEndpoint(receiver), TIMEOUT));

            assertThat(outcome).isInstanceOf(ComponentSnapshot.class);
            ComponentSnapshot snapshot = (ComponentSnapshot) outcome;
            assertThat(snapshot.observedAt()).isNotNull();
        }
    }

    @Test
    void anUnreachableEndpointIsAProbeExceptionNeverAnotherException() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ComponentProbe probe = probe(URI.create("http://127.0.0.1:" + closed + "/"), TIMEOUT);

        assertThat(outcome(probe)).isInstanceOfAny(ProbeException.class, ComponentSnapshot.class);
    }

    @Test
    void aHangingEndpointEndsWithinTheTimeout() throws IOException {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!hanging.isClosed()) {
                    try {
                        held.add(hanging.accept()); // accepts and never answers
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            ComponentProbe probe = probe(URI.create("http://127.0.0.1:" + hanging.getLocalPort() + "/"), TIMEOUT);
            long started = System.nanoTime();

            Object outcome = outcome(probe);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
            assertThat(outcome).isInstanceOfAny(ProbeException.class, ComponentSnapshot.class);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** The snapshot, or whatever the probe threw. */
    private static Object outcome(ComponentProbe probe) {
        // A probe still busy after three times its timeout fails the test (left behind on its own thread) instead
        // of hanging the test run.
        return assertTimeoutPreemptively(
                TIMEOUT.multipliedBy(3),
                () -> {
                    try {
                        return probe.probe();
                    } catch (RuntimeException e) {
                        return e;
                    }
                },
                "the probe did not return within three times its timeout (" + TIMEOUT.toMillis() + " ms)");
    }
}
