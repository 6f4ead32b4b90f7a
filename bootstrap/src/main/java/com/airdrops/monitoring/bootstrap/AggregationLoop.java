package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.aggregation.MetricsAggregator;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains the aggregator's snapshot buffer on its own thread, so a slow aggregation never delays collection. */
final class AggregationLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AggregationLoop.class);

    private final MetricsAggregator aggregator;
    private final Thread thread;
    private final LoopFailures failures;
    private volatile boolean running = true;

    AggregationLoop(MetricsAggregator aggregator, LoopFailures failures) {
        this.aggregator = aggregator;
        this.failures = failures;
        this.thread = Thread.ofPlatform().name("aggregation").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                aggregator.processBuffered(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                failures.aggregationFailed();
                LOG.error("Aggregation failed; continuing with the next snapshot", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
