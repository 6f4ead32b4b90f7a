package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.MatchKind;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.model.alert.SilenceState;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import com.airdrops.monitoring.domain.port.driving.SilenceAdmin;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The silences in force, read from the database at every evaluation pass (agents sharing it see each other's), and
 * their administration. When the database cannot be read, the pass goes on with the silences last read: the failure is
 * counted, and logged when it starts and when it ends. Thread-safe.
 */
public final class Silencer implements SilenceAdmin, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(Silencer.class);

    /** At most this many silences may be pending or active at once. */
    static final int MAX_IN_FORCE = 1_000;

    /** At most this many silences are kept, ended ones included: all of them are held in memory. */
    static final int MAX_KEPT = 5_000;

    /**
     * The regular expressions of the silences kept, in characters: a compiled RE2 pattern costs about 90 bytes of heap
     * per character, so this bounds them to about 9 MB.
     */
    static final long MAX_REGEX_TEXT = 100_000;

    private static long regexText(List<LabelMatcher> matchers) {
        return matchers.stream()
                .filter(matcher -> matcher.kind() == MatchKind.MATCHES || matcher.kind() == MatchKind.NOT_MATCHES)
                .mapToLong(matcher -> matcher.value().length())
                .sum();
    }

    private static final SilenceStore NONE = new SilenceStore() {
        @Override
        public void add(Silence silence) {
            throw new UnsupportedOperationException("silences are not kept by this agent");
        }

        @Override
        public Optional<Silence> expire(String id, Instant at) {
            return Optional.empty();
        }

        @Override
        public List<Silence> all() {
            return List.of();
        }

        @Override
        public long deleteExpiredBefore(Instant cutoff) {
            return 0;
        }
    };

    private final SilenceStore store;
    private final InstantSource clock;
    private final AtomicLong readFailures = new AtomicLong();
    private volatile List<Silence> known = List.of();
    private volatile Runnable changed = () -> {};
    private volatile List<String> setAside = List.of();
    private volatile boolean failureLogged;
    private volatile Instant lastFailureLog = Instant.MIN;

    public Silencer(SilenceStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A silencer with no silences, for an alerter that evaluates without a database (rule tests). */
    public static Silencer none(InstantSource clock) {
        return new Silencer(NONE, clock);
    }

    /**
     * Reads the silences again; on failure keeps the last ones read. A database that fails and answers by turns (a
     * full disk) is logged once a minute at most, not at each turn.
     */
    public void refresh() {
        try {
            known = store.all();
            setAside = store.setAside();
            if (failureLogged) {
                failureLogged = false;
                LOG.info("Silences readable again: {} kept", known.size());
            }
        } catch (PersistenceException e) {
            readFailures.incrementAndGet();
            Instant now = clock.instant();
            if (!failureLogged && !now.isBefore(lastFailureLog.plus(Duration.ofMinutes(1)))) {
                failureLogged = true;
                lastFailureLog = now;
                LOG.warn("Cannot read silences ({}); the {} last read stay in force", e.getMessage(), known.size());
            }
        }
    }

    /** The ids of the silences that hold back the alert of {@code ruleName} with {@code labels} at {@code now}. */
    public List<String> matching(String ruleName, Map<String, String> labels, Instant now) {
        List<String> ids = new ArrayList<>(0);
        for (Silence silence : known) {
            if (silence.silences(ruleName, labels, now)) {
                ids.add(silence.id());
            }
        }
        return ids;
    }

    /** Synchronized: two requests at once must not both pass the bounds and exceed them together. */
    @Override
    public synchronized Silence create(
            List<LabelMatcher> matchers, Optional<Instant> startsAt, Instant endsAt, String createdBy, String comment) {
        Instant now = clock.instant();
        if (!endsAt.isAfter(now)) {
            throw new IllegalArgumentException("ends_at must be in the future");
        }
        List<Silence> current = store.all();
        long inForce = current.stream()
                .filter(silence -> silence.stateAt(now) != SilenceState.EXPIRED)
                .count();
        if (current.size() >= MAX_KEPT) {
            throw new IllegalArgumentException("at most " + MAX_KEPT + " silences are kept, ended ones included until "
                    + "retention deletes them; wait for it, or lower ALERT_RETENTION_HOURS");
        }
        if (inForce >= MAX_IN_FORCE) {
            throw new IllegalArgumentException(
                    "at most " + MAX_IN_FORCE + " silences may be pending or active at once; expire some first");
        }
        long regexText = regexText(matchers)
                + current.stream().mapToLong(kept -> regexText(kept.matchers())).sum();
        if (regexText > MAX_REGEX_TEXT) {
            throw new IllegalArgumentException("the silences kept may hold at most " + MAX_REGEX_TEXT
                    + " characters of "
                    + "regular expressions together, ended ones included until retention deletes them (each is "
                    + "compiled to match in linear time, which costs memory): this one would make " + regexText);
        }
        Silence silence =
                new Silence(UUID.randomUUID().toString(), matchers, startsAt.orElse(now), endsAt, createdBy, comment);
        store.add(silence);
        LOG.info(
                "Silence {} created by {} for {} until {}: {}",
                silence.id(),
                createdBy,
                silence.matchers(),
                silence.endsAt(),
                silence.comment());
        refresh();
        changed.run();
        return silence;
    }

    /** {@code listener} is told when a silence was created or expired here, after the silences were read again. */
    public void whenChanged(Runnable listener) {
        this.changed = listener;
    }

    @Override
    public List<Silence> silences() {
        refresh();
        return known;
    }

    @Override
    public Optional<Silence> expire(String id) {
        Optional<Silence> expired = store.expire(id, clock.instant());
        expired.ifPresent(silence -> LOG.info("Silence {} expired through the API", silence.id()));
        refresh();
        changed.run();
        return expired;
    }

    /** Deletes the silences that ended longer than {@code retention} ago; returns how many. */
    public long applyRetention(Duration retention) {
        return store.deleteExpiredBefore(clock.instant().minus(retention));
    }

    @Override
    public List<Sample> samples(Instant now) {
        int pending = 0;
        int active = 0;
        for (Silence silence : known) {
            switch (silence.stateAt(now)) {
                case PENDING -> pending++;
                case ACTIVE -> active++;
                case EXPIRED -> {}
            }
        }
        return List.of(
                new Sample(MetricCatalog.SILENCES, Map.of("state", "pending"), pending, now),
                new Sample(MetricCatalog.SILENCES, Map.of("state", "active"), active, now),
                new Sample(MetricCatalog.SILENCES, Map.of("state", "set_aside"), setAside.size(), now),
                Sample.of(MetricCatalog.SILENCE_READ_FAILURES, readFailures.get(), now));
    }
}
