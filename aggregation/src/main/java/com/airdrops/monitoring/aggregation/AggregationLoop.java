package com.airdrops.monitoring.aggregation;

import com.airdrops.monitoring.domain.work.LoopFailures;
import com.airdrops.monitoring.domain.work.Worker;
import com.airdrops.monitoring.domain.work.WorkerStop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains the aggregator's snapshot buffer on its own thread, so a slow aggregation never delays collection. */
public final class AggregationLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AggregationLoop.class);

    private final MetricsAggregator aggregator;
    private final LoopFailures failures;
    private final Worker worker;

    public AggregationLoop(MetricsAggregator aggregator, LoopFailures failures) {
        this.aggregator = aggregator;
        this.failures = failures;
        // Interrupted to stop: it waits on the buffer, and storing aggregates goes through the database's own timeouts.
        this.worker = new Worker("aggregation", Duration.ofSeconds(5), WorkerStop.INTERRUPT, self -> round());
    }

    public void start() {
        worker.start();
    }

    private void round() {
        try {
            aggregator.processBuffered(Duration.ofMillis(500));
        } catch (InterruptedException e) {
            // close() interrupts: the worker has stopped running and ends after this round.
        } catch (RuntimeException | Error e) {
            failures.failed();
            LOG.error("Aggregation failed; continuing with the next snapshot", e);
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
