package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves each pass's changes so that none is lost and none blocks another: when the database fails they wait in memory
 * and go with the next pass (logged once per outage); when it refuses a record, the pass is saved again alert by alert
 * and notification by notification, and only the refused part is quarantined. Not thread-safe; the Alerter's pass
 * owns it, while the counts may be read from any thread.
 */
final class ChangeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWriter.class);

    private final AlertRepository repository;
    private final InstantSource clock;
    private final UnsavedChanges unsaved = new UnsavedChanges();
    private final Quarantine quarantine = new Quarantine();
    private final AtomicLong failures = new AtomicLong();
    private boolean failing;

    private final Consumer<List<Alert>> stored;

    /** @param stored told of the transitions of each save that succeeded, in the saving thread */
    ChangeWriter(AlertRepository repository, InstantSource clock, Consumer<List<Alert>> stored) {
        this.repository = repository;
        this.clock = clock;
        this.stored = stored;
    }

    /** Saves (or keeps for the next pass); false when this agent turned out not to lead its instance any more. */
    boolean save(AlertChanges changes) {
        AlertChanges merged = unsaved.merge(changes);
        if (merged.isEmpty()) {
            return true;
        }
        try {
            repository.save(merged);
            unsaved.clear();
            stored.accept(merged.transitions());
            if (failing) {
                failing = false;
                LOG.info(
                        "Alert changes are saved again; the {} transitions kept in memory are stored",
                        merged.transitions().size());
            }
        } catch (PersistenceException.Refused e) {
            unsaved.clear();
            saveApart(merged);
        } catch (PersistenceException.Fenced e) {
            // Another agent of this instance leads now: these changes are not this agent's to write.
            unsaved.clear();
            return false;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            unsaved.keep(merged);
            if (!failing) {
                failing = true;
                LOG.error(
                        "Saving alert changes failed; transitions stay in memory and are retried with every pass "
                                + "(monitoring_alert_unsaved_transitions counts them): {}",
                        e.getMessage());
            }
        }
        return true;
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
            } catch (PersistenceException.Refused e) {
                quarantine.add(unit.quarantined(e.getMessage(), clock.instant()));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                unsaved.keep(unsaved.merge(unit.changes()));
            }
        }
    }

    List<QuarantinedRecord> quarantined() {
        return quarantine.records();
    }

    long quarantinedSinceStart() {
        return quarantine.size();
    }

    /** Drops what waits unsaved (this agent stopped leading); returns how many transitions that was. */
    int discardUnsaved() {
        int transitions = unsavedTransitions();
        unsaved.clear();
        failing = false;
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
