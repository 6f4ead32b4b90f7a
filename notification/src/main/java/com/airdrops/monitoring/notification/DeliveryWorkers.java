package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
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
    private final LiveNotificationSetup setup;
    private final DeliveryStats stats;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private final Leadership leadership;

    public DeliveryWorkers(List<ChannelDelivery> deliveries, LiveNotificationSetup setup, DeliveryStats stats) {
        this(deliveries, setup, stats, Leadership.ALONE);
    }

    /** @param leadership only the leader of the instance delivers; a standby's workers wait */
    public DeliveryWorkers(
            List<ChannelDelivery> deliveries, LiveNotificationSetup setup, DeliveryStats stats, Leadership leadership) {
        this.leadership = leadership;
        this.deliveries = List.copyOf(deliveries);
        this.setup = setup;
        this.stats = stats;
    }

    public void start() {
        for (ChannelDelivery delivery : deliveries) {
            Thread thread = Thread.ofPlatform()
                    .name("notify-" + delivery.channel())
                    .daemon(true)
                    .start(() -> run(delivery));
            threads.add(thread);
        }
    }

    private void run(ChannelDelivery delivery) {
        while (running) {
            try {
                if (!leadership.leading() || delivery.deliverDue() == 0) {
                    LockSupport.parkNanos(POLL.toNanos());
                }
            } catch (PersistenceException.Fenced e) {
                // Another agent of this instance leads now: it delivers; this worker waits for leadership.
                LOG.info("Delivery to {} stops here: {}", delivery.channel(), e.getMessage());
                LockSupport.parkNanos(POLL.toNanos());
            } catch (RuntimeException | Error e) {
                stats.loopFailed("delivery");
                LOG.error("Delivery to {} failed; retrying shortly: {}", delivery.channel(), e.toString());
                LockSupport.parkNanos(POLL.toNanos() * 5);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
        }
        long deadline = System.nanoTime()
                + setup.current().policy().timeout().plusSeconds(2).toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deliveries.forEach(ChannelDelivery::close);
    }
}
