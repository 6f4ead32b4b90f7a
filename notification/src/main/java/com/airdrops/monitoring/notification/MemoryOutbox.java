package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.model.notification.OutboxStatus;
import com.airdrops.monitoring.domain.port.driven.FallbackOutbox;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications the database could not take, held in memory: each channel's {@link FailOpenOutbox} delivers them
 * from here (as outbox rows with negative ids) and writes them to the outbox, as their delivery went, once it can be
 * reached. At most {@value #MAX_ENTRIES} are held; past that the oldest delivered one goes first, then the oldest
 * waiting one, counted and logged. Thread-safe.
 */
public final class MemoryOutbox implements FallbackOutbox, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryOutbox.class);
    static final int MAX_ENTRIES = 10_000;

    private final InstantSource clock;
    private final Map<Long, OutboxEntry> entries = new LinkedHashMap<>();
    private final Map<Long, Instant> claims = new HashMap<>();
    private long nextId = -1;
    private long dropped;

    public MemoryOutbox(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean offer(List<Notification> notifications) {
        Instant now = clock.instant();
        for (Notification notification : notifications) {
            if (entries.size() >= MAX_ENTRIES) {
                dropOldest();
            }
            long id = nextId--;
            entries.put(id, new OutboxEntry(id, notification, OutboxStatus.PENDING, 0, Optional.empty(), now, now));
        }
        return true;
    }

    private void dropOldest() {
        Long victim = entries.values().stream()
                .filter(entry -> entry.status() != OutboxStatus.PENDING)
                .map(OutboxEntry::id)
                .findFirst()
                .orElseGet(() -> entries.keySet().iterator().next());
        OutboxEntry entry = entries.remove(victim);
        claims.remove(victim);
        if (dropped++ == 0) {
            LOG.error(
                    "{} notifications are held in memory while the database is down: the oldest are dropped from now on "
                            + "(monitoring_notification_outbox_in_memory_dropped_total counts them); first dropped: {} to {}",
                    MAX_ENTRIES,
                    entry.notification().eventId(),
                    entry.notification().channel());
        }
    }

    @Override
    public synchronized int discard() {
        int count = entries.size();
        entries.clear();
        claims.clear();
        return count;
    }

    /** PENDING entries of {@code channel} due at {@code now} and not claimed, oldest first. */
    synchronized List<OutboxEntry> due(String channel, Instant now, int limit) {
        List<OutboxEntry> due = new ArrayList<>();
        for (OutboxEntry entry : entries.values()) {
            if (due.size() >= limit) {
                break;
            }
            Instant claim = claims.get(entry.id());
            if (entry.notification().channel().equals(channel)
                    && entry.status() == OutboxStatus.PENDING
                    && !entry.nextAttemptAt().isAfter(now)
                    && (claim == null || !claim.isAfter(now))) {
                due.add(entry);
            }
        }
        return due;
    }

    synchronized List<OutboxEntry> claimDue(String channel, Instant now, Instant claimUntil, int limit) {
        List<OutboxEntry> claimed = due(channel, now, limit);
        claimed.forEach(entry -> claims.put(entry.id(), claimUntil));
        return claimed;
    }

    /** Records how an attempt of entry {@code id} went; an entry dropped meanwhile is ignored. */
    synchronized void settle(long id, OutboxStatus status, int attempts, Optional<String> error, Instant next) {
        OutboxEntry entry = entries.get(id);
        if (entry != null) {
            claims.remove(id);
            entries.put(
                    id, new OutboxEntry(id, entry.notification(), status, attempts, error, next, entry.createdAt()));
        }
    }

    synchronized void release(Collection<Long> ids, Instant at) {
        for (long id : ids) {
            OutboxEntry entry = entries.get(id);
            if (entry != null && entry.status() == OutboxStatus.PENDING) {
                settle(id, OutboxStatus.PENDING, entry.attempts(), entry.lastError(), at);
            }
        }
    }

    synchronized void fold(Collection<Long> ids, Instant at) {
        for (long id : ids) {
            OutboxEntry entry = entries.get(id);
            if (entry != null) {
                settle(id, OutboxStatus.FOLDED, entry.attempts(), entry.lastError(), at);
            }
        }
    }

    /** The entries of {@code channel} that no attempt holds: what the outbox may take over now. */
    synchronized List<OutboxEntry> unclaimed(String channel) {
        return entries.values().stream()
                .filter(entry -> entry.notification().channel().equals(channel) && !claims.containsKey(entry.id()))
                .toList();
    }

    /** The outbox took these entries over. */
    synchronized void remove(Collection<OutboxEntry> adopted) {
        for (OutboxEntry entry : adopted) {
            entries.remove(entry.id());
            claims.remove(entry.id());
        }
    }

    synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized List<Sample> samples(Instant now) {
        return List.of(
                Sample.of(MetricCatalog.OUTBOX_IN_MEMORY, entries.size(), now),
                Sample.of(MetricCatalog.OUTBOX_IN_MEMORY_DROPPED, dropped, now));
    }
}
