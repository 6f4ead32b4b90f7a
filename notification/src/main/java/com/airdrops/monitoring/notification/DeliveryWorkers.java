package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.work.Worker;
import com.airdrops.monitoring.domain.work.WorkerStop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread per channel working its outbox rows, so that a slow or hanging channel delays no other. On close each
 * worker finishes the attempt in flight (bounded by the attempt timeout) and stops.
 */
public final class DeliveryWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkers.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final List<ChannelDelivery> deliveries;
    private final LiveRouting setup;
    private final DeliveryStats stats;
    private final List<Worker> workers = new ArrayList<>();

    private final Leadership leadership;

    public DeliveryWorkers(List<ChannelDelivery> deliveries, LiveRouting setup, DeliveryStats stats) {
        this(deliveries, setup, stats, Leadership.ALONE);
    }

    /** @param leadership only the leader of the instance delivers; a standby's workers wait */
    public DeliveryWorkers(
            List<ChannelDelivery> deliveries, LiveRouting setup, DeliveryStats stats, Leadership leadership) {
        this.leadership = leadership;
        this.deliveries = List.copyOf(deliveries);
        this.setup = setup;
        this.stats = stats;
    }

    public void start() {
        for (ChannelDelivery delivery : deliveries) {
            Worker worker = new Worker(
                    "notify-" + delivery.channel(), stopWait(), WorkerStop.WAKE, self -> round(delivery, self));
            workers.add(worker);
            worker.start();
        }
    }

    /** Each worker finishes the attempt in flight, bounded by the attempt timeout. */
    private Duration stopWait() {
        return setup.current().policy().timeout().plusSeconds(2);
    }

    private void round(ChannelDelivery delivery, Worker worker) {
        try {
            if (!leadership.state().leads() || delivery.deliverDue() == 0) {
                worker.park(POLL);
            }
        } catch (FencedException e) {
            // Another agent of this instance leads now: it delivers; this worker waits for leadership.
            LOG.info("Delivery to {} stops here: {}", delivery.channel(), e.getMessage());
            worker.park(POLL);
        } catch (RuntimeException | Error e) {
            stats.loopFailed("delivery");
            LOG.error("Delivery to {} failed; retrying shortly: {}", delivery.channel(), e.toString());
            worker.park(POLL.multipliedBy(5));
        }
    }

    @Override
    public void close() {
        workers.forEach(Worker::stopSoon);
        long deadline = System.nanoTime() + stopWait().toNanos();
        for (Worker worker : workers) {
            worker.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        deliveries.forEach(ChannelDelivery::close);
    }
}
