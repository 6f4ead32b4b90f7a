package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import com.airdrops.monitoring.domain.port.driven.OutboxUpkeep;
import com.airdrops.monitoring.domain.work.Worker;
import com.airdrops.monitoring.domain.work.WorkerStop;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the outbox bounded and its depth known without the collection path touching the database: on its own thread
 * it reads the depth every {@value #DEPTH_EVERY_SECONDS} s and prunes every {@value #PRUNE_EVERY_SECONDS} s, deleting
 * sent and folded rows older than {@code settledRetention} and dead letters older than {@code deadRetention}. A
 * failure (the database is down) is logged once per outage, counted, and tried again at the next round.
 */
public final class OutboxMaintenance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMaintenance.class);
    static final int DEPTH_EVERY_SECONDS = 5;
    static final int PRUNE_EVERY_SECONDS = 600;

    private final OutboxUpkeep outbox;
    private final Leadership leadership;
    private final DeliveryStats stats;
    private final InstantSource clock;
    private final Duration settledRetention;
    private final Duration deadRetention;
    private final Worker worker;
    private boolean failing;
    private Instant lastPrune = Instant.MIN;

    public OutboxMaintenance(
            OutboxUpkeep outbox,
            DeliveryStats stats,
            InstantSource clock,
            Duration settledRetention,
            Duration deadRetention) {
        this(outbox, stats, clock, settledRetention, deadRetention, Leadership.ALONE);
    }

    /** @param leadership only the leader of the instance prunes; every agent reads the depth */
    public OutboxMaintenance(
            OutboxUpkeep outbox,
            DeliveryStats stats,
            InstantSource clock,
            Duration settledRetention,
            Duration deadRetention,
            Leadership leadership) {
        this.leadership = leadership;
        this.outbox = outbox;
        this.stats = stats;
        this.clock = clock;
        this.settledRetention = settledRetention;
        this.deadRetention = deadRetention;
        this.worker = new Worker("outbox-maintenance", Duration.ofSeconds(5), WorkerStop.WAKE, self -> {
            round();
            self.park(Duration.ofSeconds(DEPTH_EVERY_SECONDS));
        });
    }

    public void start() {
        worker.start();
    }

    /** Reads the depth, and prunes when a prune is due. */
    void round() {
        try {
            Instant now = clock.instant();
            if (leadership.state().leads() && !now.isBefore(lastPrune.plusSeconds(PRUNE_EVERY_SECONDS))) {
                long deleted = outbox.prune(now.minus(settledRetention), now.minus(deadRetention));
                lastPrune = now;
                stats.pruned(deleted);
                if (deleted > 0) {
                    LOG.info(
                            "Pruned {} outbox rows (sent or folded before {}, dead before {})",
                            deleted,
                            now.minus(settledRetention),
                            now.minus(deadRetention));
                }
            }
            stats.depth(outbox.depth());
            if (failing) {
                failing = false;
                LOG.info("Outbox maintenance works again");
            }
        } catch (FencedException e) {
            LOG.debug("Outbox pruning skipped: {}", e.getMessage()); // the leader of this instance prunes
        } catch (RuntimeException | Error e) {
            stats.loopFailed("outbox");
            if (!failing) {
                failing = true;
                LOG.error("Outbox maintenance failed; retrying every {} s: {}", DEPTH_EVERY_SECONDS, e.toString());
            }
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
