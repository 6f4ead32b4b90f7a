package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.FallbackOutbox;
import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.RefusedRecordException;
import com.airdrops.monitoring.domain.work.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves each pass's changes so that none is lost and none blocks another. When the database fails, the transitions
 * wait in memory and go with a later pass (tried again after 1 s, doubling up to 30 s while it stays down; logged once
 * per outage), and the notifications go to the fallback outbox, which delivers them at once. When the database refuses
 * a record, the pass is saved again alert by alert and notification by notification, and only the refused part is
 * quarantined. Not thread-safe; the Alerter's pass owns it, while the counts may be read from any thread.
 */
final class ChangeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWriter.class);

    private final AlertRepository repository;
    private final FallbackOutbox fallback;
    private final InstantSource clock;
    private final UnsavedChanges unsaved = new UnsavedChanges();
    private final Quarantine quarantine = new Quarantine();
    private final AtomicLong failures = new AtomicLong();
    private final Backoff retry = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final Consumer<List<Alert>> stored;

    /**
     * @param fallback takes the notifications the database cannot
     * @param stored told of the transitions of each save that succeeded, in the saving thread
     */
    ChangeWriter(
            AlertRepository repository, FallbackOutbox fallback, InstantSource clock, Consumer<List<Alert>> stored) {
        this.repository = repository;
        this.fallback = fallback;
        this.clock = clock;
        this.stored = stored;
    }

    /** Saves (or keeps for a later pass); false when this agent turned out not to lead its instance any more. */
    boolean save(AlertChanges changes) {
        Instant now = clock.instant();
        if (!retry.due(now)) {
            keep(unsaved.merge(changes));
            return true;
        }
        AlertChanges merged = unsaved.merge(changes);
        if (merged.isEmpty()) {
            return true;
        }
        try {
            repository.save(merged);
            unsaved.clear();
            stored.accept(merged.transitions());
            if (retry.failing()) {
                LOG.info(
                        "Alert changes are saved again; the {} transitions kept in memory are stored",
                        merged.transitions().size());
            }
            retry.succeeded();
        } catch (RefusedRecordException e) {
            unsaved.clear();
            saveApart(merged);
        } catch (FencedException e) {
            // Another agent of this instance leads now: these changes are not this agent's to write.
            unsaved.clear();
            return false;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            if (!retry.failing()) {
                LOG.error(
                        "Saving alert changes failed; transitions stay in memory and are retried "
                                + "(monitoring_alert_unsaved_transitions counts them), notifications are delivered "
                                + "from memory: {}",
                        e.getMessage());
            }
            retry.failed(now);
            keep(merged);
        }
        return true;
    }

    /** Keeps what could not be saved: the notifications go to the fallback outbox when it takes them. */
    private void keep(AlertChanges merged) {
        if (!merged.notifications().isEmpty() && fallback.offer(merged.notifications())) {
            unsaved.keep(
                    new AlertChanges(merged.upserts(), merged.removedFingerprints(), merged.transitions(), List.of()));
        } else {
            unsaved.keep(merged);
        }
    }

    /**
     * The database refused something in {@code merged}: saves each alert's changes, and each notification, on its own,
     * so that one bad record is set aside (quarantined, counted, logged once) and blocks nothing else. Units the
     * database cannot take for another reason (it went down meanwhile) wait in memory as usual.
     */
    private void saveApart(AlertChanges merged) {
        for (SaveUnit unit : SaveUnit.split(merged)) {
            try {
                repository.save(unit.changes());
                stored.accept(unit.changes().transitions());
            } catch (RefusedRecordException e) {
                quarantine.add(unit.quarantined(e.getMessage(), clock.instant()));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                keep(unsaved.merge(unit.changes()));
            }
        }
    }

    List<QuarantinedRecord> quarantined() {
        return quarantine.records();
    }

    long quarantinedSinceStart() {
        return quarantine.size();
    }

    /** Drops what waits unsaved or undelivered in memory (this agent stopped leading); returns how many transitions that was. */
    int discardUnsaved() {
        int transitions = unsavedTransitions();
        unsaved.clear();
        retry.succeeded();
        int notifications = fallback.discard();
        if (notifications > 0) {
            LOG.warn("{} notifications waiting in memory dropped: this agent no longer leads", notifications);
        }
        return transitions;
    }

    int unsavedTransitions() {
        return unsaved.pendingTransitions();
    }

    long droppedTransitions() {
        return unsaved.droppedTransitions();
    }

    long failures() {
        return failures.get();
    }
}
