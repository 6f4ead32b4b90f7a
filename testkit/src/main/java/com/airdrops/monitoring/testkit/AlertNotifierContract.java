package com.airdrops.monitoring.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertNotifier} must do; a channel's test extends this class and says how to build its notifier
 * for a receiver URL. The agent's retries, dead letters and logs rely on each of these.
 */
public abstract class AlertNotifierContract {
    protected static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RecordingReceiver receiver = new RecordingReceiver();

    /** The notifier under test, sending to {@code url} (an HTTP endpoint of the channel's kind). */
    protected abstract AlertNotifier notifier(URI url);

    /** The receiver path the notifier is given, e.g. {@code /hook}. */
    protected String path() {
        return "/hook";
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aNotificationReachesTheReceiverAndCountsAsDelivered() {
        DeliveryOutcome outcome = notifier(receiver.url(path())).send(Notifications.firing("contract"), TIMEOUT);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void anUnreachableReceiverIsRetryableAndTheReasonCarriesNoUrl() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + freePort() + path());

        DeliveryOutcome outcome = notifier(closed).send(Notifications.firing("contract"), TIMEOUT);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
        // A channel URL may hold a secret (a token in the path): reasons are logged and shown by the API.
        assertThat(((DeliveryOutcome.RetryLater) outcome).reason())
                .doesNotContain(closed.toString())
                .doesNotContain(closed.getPath());
    }

    @Test
    void aServerErrorIsRetryable() {
        receiver.answer(503, "{\"error\": \"busy\"}");

        assertThat(notifier(receiver.url(path())).send(Notifications.firing("contract"), TIMEOUT))
                .isInstanceOf(DeliveryOutcome.RetryLater.class);
    }

    @Test
    void aRequestTheReceiverRefusesIsRejectedNotRetried() {
        receiver.answer(400, "{\"error\": \"bad request\"}");

        assertThat(notifier(receiver.url(path())).send(Notifications.firing("contract"), TIMEOUT))
                .isInstanceOf(DeliveryOutcome.Rejected.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
