package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;

/** The database's readiness: a {@code SELECT 1} on the read pool, waited for a bounded time. Thread-safe. */
final class DatabaseHealth {
    private final Jdbi readJdbi;
    private final String shownUrl;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<HealthCheckResult>> checkInFlight = new AtomicReference<>();

    DatabaseHealth(Jdbi readJdbi, String shownUrl, Duration timeout) {
        this.readJdbi = readJdbi;
        this.shownUrl = shownUrl;
        this.timeout = timeout;
    }

    /**
     * Answers within the settings' timeout at most: a database that does not answer by then is DOWN, and no second
     * probe starts while one is still waiting.
     */
    HealthCheckResult check() {
        CompletableFuture<HealthCheckResult> probe;
        synchronized (checkInFlight) {
            probe = checkInFlight.get();
            if (probe == null || probe.isDone()) {
                probe = CompletableFuture.supplyAsync(
                        this::probe,
                        runnable -> Thread.ofVirtual().name("db-health").start(runnable));
                checkInFlight.set(probe);
            }
        }
        long waitMillis = Math.min(1_500, timeout.toMillis());
        try {
            return probe.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return HealthCheckResult.down(
                    "the database did not answer within " + waitMillis + " ms (" + shownUrl + ")");
        } catch (ExecutionException e) {
            return HealthCheckResult.down(Failures.rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResult.down("interrupted");
        }
    }

    private HealthCheckResult probe() {
        try {
            readJdbi.withHandle(handle ->
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            return HealthCheckResult.up(shownUrl);
        } catch (RuntimeException e) {
            return HealthCheckResult.down(Failures.rootMessage(e));
        }
    }
}
