package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.LinearRegex;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.MatchKind;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silences in the {@code silence} table, shared by every agent on the database (no instance column: a silence may
 * name an {@code instance} label to apply to one agent). Not fenced by the leader lease: a standby's API may silence
 * too. Thread-safe.
 */
public final class JdbiSilenceStore implements SilenceStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiSilenceStore.class);

    private final Jdbi jdbi;
    private final Jdbi readJdbi;
    /** Stored silences that no longer parse, each logged once. */
    private volatile List<String> setAside = List.of();
    /** Rows parsed before, by their content: a silence's regexes are compiled once, not at every pass. */
    private final Map<String, Optional<Silence>> parsed = new ConcurrentHashMap<>();

    private static final int PARSED_KEPT = 10_000;

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
                    // A silence set aside can be expired too: its matchers are then shown as the text stored.
                    Optional<Silence> found = handle.createQuery("SELECT * FROM silence WHERE id = :id FOR UPDATE")
                            .bind("id", id)
                            .map((rs, ctx) -> silence(rs).orElseGet(() -> asStored(rs)))
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

    /** Every silence that still parses; one that does not (a regex RE2 refuses, stored by an older version) is set aside. */
    @Override
    public List<Silence> all() {
        return StoreFailures.wrap(
                "reading silences",
                () -> readJdbi.withHandle(handle -> {
                    List<Map.Entry<String, Optional<Silence>>> rows = handle.createQuery(
                                    "SELECT * FROM silence ORDER BY starts_at DESC, id")
                            .map((rs, ctx) -> Map.entry(rs.getString("id"), silence(rs)))
                            .list();
                    setAside = rows.stream()
                            .filter(row -> row.getValue().isEmpty())
                            .map(Map.Entry::getKey)
                            .toList();
                    return rows.stream().flatMap(row -> row.getValue().stream()).toList();
                }));
    }

    @Override
    public List<String> setAside() {
        return setAside;
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

    /** The row with each matcher taken as equality with its stored text: for a silence set aside, being expired. */
    private static Silence asStored(ResultSet rs) {
        try {
            return silence(rs, (label, written) -> new LabelMatcher(label, MatchKind.EQUAL, written));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The row's silence, parsed once: every evaluation pass reads the silences, and compiling their regexes again each
     * time would cost a pass CPU and garbage for nothing. A row that changed (expired) is parsed again.
     */
    private Optional<Silence> silence(ResultSet rs) throws SQLException {
        String key = rs.getString("id")
                + '\n'
                + rs.getLong("starts_at")
                + '\n'
                + rs.getLong("ends_at")
                + '\n'
                + rs.getString("matchers");
        Optional<Silence> known = parsed.get(key);
        if (known != null) {
            return known;
        }
        Optional<Silence> silence = parse(rs);
        if (parsed.size() >= PARSED_KEPT) {
            parsed.clear(); // rows that ended or were deleted leave no trace; the next reads fill it again
        }
        parsed.put(key, silence);
        return silence;
    }

    /** The row as a silence, each stored matcher read by {@code matcher} from its label and written form. */
    private static Silence silence(ResultSet rs, BiFunction<String, String, LabelMatcher> matcher) throws SQLException {
        List<LabelMatcher> matchers = new ArrayList<>();
        LabelsJson.read(rs.getString("matchers"))
                .forEach((label, written) -> matchers.add(matcher.apply(label, written)));
        return new Silence(
                rs.getString("id"),
                matchers,
                Instant.ofEpochMilli(rs.getLong("starts_at")),
                Instant.ofEpochMilli(rs.getLong("ends_at")),
                rs.getString("created_by"),
                rs.getString("comment"));
    }

    /** A row that does not make a valid silence (a regex RE2 refuses, a bound it exceeds) is set aside, logged once. */
    private Optional<Silence> parse(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            return Optional.of(silence(rs, (label, written) -> LabelMatcher.parse(label, written, LinearRegex.ENGINE)));
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "Silence {} is set aside and not applied: {} (expire it with DELETE /api/v1/silences/{} and create "
                            + "it again within today's rules)",
                    id,
                    e.getMessage(),
                    id);
            return Optional.empty();
        }
    }
}
