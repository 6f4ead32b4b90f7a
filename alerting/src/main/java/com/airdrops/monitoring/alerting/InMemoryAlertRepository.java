package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.ActiveAlert;
import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.AlertChanges;
import com.airdrops.monitoring.domain.port.AlertRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alert state and history in memory: for tests and for embedding without a database. Thread-safe. */
public final class InMemoryAlertRepository implements AlertRepository {
    private final Map<String, ActiveAlert> active = new LinkedHashMap<>();
    private final List<Alert> history = new ArrayList<>();

    @Override
    public synchronized List<ActiveAlert> loadActive() {
        return List.copyOf(active.values());
    }

    @Override
    public synchronized void save(AlertChanges changes) {
        changes.removedFingerprints().forEach(active::remove);
        changes.upserts().forEach(alert -> active.put(alert.fingerprint(), alert));
        history.addAll(changes.transitions());
    }

    @Override
    public synchronized List<Alert> history(Instant since, int limit) {
        return history.stream().filter(alert -> !alert.timestamp().isBefore(since))
                .sorted(Comparator.comparing(Alert::timestamp).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized long deleteHistoryOlderThan(Instant cutoff) {
        int before = history.size();
        history.removeIf(alert -> alert.timestamp().isBefore(cutoff));
        return before - history.size();
    }
}
