package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each delivery attempt on a virtual thread of its own and gives up on it a second after its timeout: a notifier
 * that ignores its timeout, hangs or throws delays its channel by one attempt at most, and its failure is an outcome.
 */
final class TimedAttempts implements AutoCloseable {
    private final ExecutorService attempts = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("notify-attempt-", 0).factory());

    DeliveryOutcome send(AlertNotifier notifier, Notification notification, Duration timeout) {
        Future<DeliveryOutcome> future = attempts.submit(() -> notifier.send(notification, timeout));
        try {
            return future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return DeliveryOutcome.retry("timed out after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return DeliveryOutcome.retry(
                    "notifier failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return DeliveryOutcome.retry("interrupted");
        }
    }

    @Override
    public void close() {
        attempts.shutdownNow();
    }
}
