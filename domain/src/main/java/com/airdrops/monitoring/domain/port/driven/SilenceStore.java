package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.alert.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Silences that survive restarts, shared by every agent on the database. Failures throw {@link PersistenceException}. */
public interface SilenceStore {
    void add(Silence silence);

    /** Ends the silence {@code id} at {@code at} unless it ended before; empty when there is no such silence. */
    Optional<Silence> expire(String id, Instant at);

    /** Every silence kept that can be applied, newest start first. */
    List<Silence> all();

    /**
     * The ids of stored silences that no longer parse (a regex the engine refuses, stored by an older version): left
     * out of {@link #all()}, not applied, and reported.
     */
    default List<String> setAside() {
        return List.of();
    }

    /** Deletes the silences that ended before {@code cutoff}; returns how many. */
    long deleteExpiredBefore(Instant cutoff);
}
