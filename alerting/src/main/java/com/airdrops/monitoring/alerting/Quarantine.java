package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the database refused, newest first, at most {@value #MAX_RECORDS} (older ones are forgotten but stay
 * counted). Each is logged once, when it is set aside. Thread-safe.
 */
final class Quarantine {
    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);
    static final int MAX_RECORDS = 1_000;

    private final Deque<QuarantinedRecord> records = new ArrayDeque<>();
    private long total;

    synchronized void add(QuarantinedRecord record) {
        total++;
        records.addFirst(record);
        if (records.size() > MAX_RECORDS) {
            records.removeLast();
        }
        LOG.error(
                "The database refused {} {} of rule '{}'; it is quarantined (GET /api/v1/alerts/quarantine) and every "
                        + "other change is saved: {}",
                record.kind(),
                record.fingerprint(),
                record.ruleName(),
                record.reason());
    }

    synchronized List<QuarantinedRecord> records() {
        return List.copyOf(new ArrayList<>(records));
    }

    /** Records set aside since start, including those no longer listed. */
    synchronized long size() {
        return total;
    }
}
