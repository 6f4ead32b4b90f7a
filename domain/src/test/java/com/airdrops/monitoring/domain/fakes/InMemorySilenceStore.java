package com.airdrops.monitoring.domain.fakes;

import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Silences in memory, for tests of the services above the port. Thread-safe. */
public final class InMemorySilenceStore implements SilenceStore {
    private final Map<String, Silence> silences = new LinkedHashMap<>();

    @Override
    public synchronized void add(Silence silence) {
        silences.put(silence.id(), silence);
    }

    @Override
    public synchronized Optional<Silence> expire(String id, Instant at) {
        return Optional.ofNullable(silences.computeIfPresent(id, (key, silence) -> silence.expiredAt(at)));
    }

    @Override
    public synchronized List<Silence> all() {
        List<Silence> all = new ArrayList<>(silences.values());
        all.sort(Comparator.comparing(Silence::startsAt).reversed().thenComparing(Silence::id));
        return all;
    }

    @Override
    public synchronized long deleteExpiredBefore(Instant cutoff) {
        int before = silences.size();
        silences.values().removeIf(silence -> silence.endsAt().isBefore(cutoff));
        return before - silences.size();
    }
}
