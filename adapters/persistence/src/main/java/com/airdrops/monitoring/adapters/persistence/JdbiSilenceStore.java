package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Silences in the {@code silence} table, shared by every agent on the database (no instance column: a silence may
 * name an {@code instance} label to apply to one agent). Not fenced by the leader lease: a standby's API may silence
 * too. Thread-safe.
 */
public final class JdbiSilenceStore implements SilenceStore {
    private final Jdbi jdbi;
    private final Jdbi readJdbi;

    public JdbiSilenceStore(Database database) {
        this.jdbi = database.jdbi();
        this.readJdbi = database.readJdbi();
    }

    @Override
    public void add(Silence silence) {
        StoreFailures.wrap(
                "saving a silence",
                () -> jdbi.withHandle(handle -> handle.createUpdate(
                                "INSERT INTO silence (id, matchers, starts_at, "
                                        + "ends_at, created_by, comment) VALUES (:id, :matchers, :starts, :ends, :by, :comment)")
                        .bind("id", silence.id())
                        .bind("matchers", LabelsJson.write(written(silence.matchers())))
                        .bind("starts", silence.startsAt().toEpochMilli())
                        .bind("ends", silence.endsAt().toEpochMilli())
                        .bind("by", silence.createdBy())
                        .bind("comment", silence.comment())
                        .execute()));
    }

    @Override
    public Optional<Silence> expire(String id, Instant at) {
        return StoreFailures.wrap(
                "expiring a silence",
                () -> jdbi.inTransaction(handle -> {
                    Optional<Silence> found = handle.createQuery("SELECT * FROM silence WHERE id = :id FOR UPDATE")
                            .bind("id", id)
                            .map((rs, ctx) -> silence(rs))
                            .findOne();
                    if (found.isEmpty()) {
                        return Optional.<Silence>empty();
                    }
                    Silence expired = found.get().expiredAt(at);
                    handle.createUpdate("UPDATE silence SET starts_at = :starts, ends_at = :ends WHERE id = :id")
                            .bind("starts", expired.startsAt().toEpochMilli())
                            .bind("ends", expired.endsAt().toEpochMilli())
                            .bind("id", id)
                            .execute();
                    return Optional.of(expired);
                }));
    }

    @Override
    public List<Silence> all() {
        return StoreFailures.wrap(
                "reading silences",
                () -> readJdbi.withHandle(
                        handle -> handle.createQuery("SELECT * FROM silence ORDER BY starts_at DESC, id")
                                .map((rs, ctx) -> silence(rs))
                                .list()));
    }

    @Override
    public long deleteExpiredBefore(Instant cutoff) {
        return StoreFailures.wrap(
                "deleting ended silences", () -> (long)
                        jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM silence WHERE ends_at < :cutoff")
                                .bind("cutoff", cutoff.toEpochMilli())
                                .execute()));
    }

    private static Map<String, String> written(List<LabelMatcher> matchers) {
        Map<String, String> written = new LinkedHashMap<>();
        matchers.forEach(matcher -> written.put(matcher.label(), matcher.written()));
        return written;
    }

    private static Silence silence(ResultSet rs) throws SQLException {
        List<LabelMatcher> matchers = new ArrayList<>();
        LabelsJson.read(rs.getString("matchers"))
                .forEach((label, written) -> matchers.add(LabelMatcher.parse(label, written)));
        return new Silence(
                rs.getString("id"),
                matchers,
                Instant.ofEpochMilli(rs.getLong("starts_at")),
                Instant.ofEpochMilli(rs.getLong("ends_at")),
                rs.getString("created_by"),
                rs.getString("comment"));
    }
}
