package com.airdrops.monitoring.domain.fakes;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.notification.DeadLetterPage;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.model.notification.OutboxStatus;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.NotificationOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alert state, history and notification outbox in memory: for tests and for embedding without a database. Thread-safe. */
public final class InMemoryAlertRepository implements AlertRepository, NotificationOutbox {
    private final Map<String, ActiveAlert> active = new LinkedHashMap<>();
    private final List<Alert> history = new ArrayList<>();
    private final Map<Long, OutboxEntry> outbox = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized List<ActiveAlert> loadActive() {
        return List.copyOf(active.values());
    }

    @Override
    public synchronized void save(AlertChanges changes) {
        changes.removedFingerprints().forEach(active::remove);
        changes.upserts().forEach(alert -> active.put(alert.fingerprint(), alert));
        history.addAll(changes.transitions());
        Instant now = changes.transitions().isEmpty()
                ? Instant.EPOCH
                : changes.transitions().getFirst().timestamp();
        for (Notification notification : changes.notifications()) {
            long id = nextId++;
            outbox.put(
                    id,
                    new OutboxEntry(id, notification, OutboxStatus.PENDING, 0, Optional.empty(), Instant.EPOCH, now));
        }
    }

    @Override
    public synchronized List<OutboxEntry> due(String channel, Instant now, int limit) {
        return outbox.values().stream()
                .filter(entry -> entry.status() == OutboxStatus.PENDING)
                .filter(entry -> entry.notification().channel().equals(channel))
                .filter(entry -> !entry.nextAttemptAt().isAfter(now))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(String channel, Instant now, Instant claimUntil, int limit) {
        List<OutboxEntry> claimed = due(channel, now, limit);
        claimed.forEach(
                entry -> update(entry.id(), OutboxStatus.PENDING, entry.attempts(), entry.lastError(), claimUntil));
        return claimed;
    }

    @Override
    public synchronized void release(List<Long> ids, Instant at) {
        for (long id : ids) {
            OutboxEntry entry = outbox.get(id);
            if (entry != null && entry.status() == OutboxStatus.PENDING) {
                update(id, OutboxStatus.PENDING, entry.attempts(), entry.lastError(), at);
            }
        }
    }

    @Override
    public synchronized void markSent(long id, int attempts, Instant at) {
        update(id, OutboxStatus.SENT, attempts, Optional.empty(), at);
    }

    @Override
    public synchronized void markRetry(long id, int attempts, String error, Instant at, Instant nextAttemptAt) {
        update(id, OutboxStatus.PENDING, attempts, Optional.of(error), nextAttemptAt);
    }

    @Override
    public synchronized void markDead(long id, int attempts, String error, Instant at) {
        update(id, OutboxStatus.DEAD, attempts, Optional.of(error), at);
    }

    @Override
    public synchronized void markFolded(List<Long> ids, Instant at) {
        ids.forEach(id -> update(id, OutboxStatus.FOLDED, outbox.get(id).attempts(), Optional.empty(), at));
    }

    @Override
    public synchronized void adopt(List<OutboxEntry> entries) {
        for (OutboxEntry entry : entries) {
            boolean known = outbox.values().stream()
                    .anyMatch(row -> row.notification()
                                    .eventId()
                                    .equals(entry.notification().eventId())
                            && row.notification()
                                    .channel()
                                    .equals(entry.notification().channel()));
            if (!known) {
                long id = nextId++;
                outbox.put(
                        id,
                        new OutboxEntry(
                                id,
                                entry.notification(),
                                entry.status(),
                                entry.attempts(),
                                entry.lastError(),
                                entry.nextAttemptAt(),
                                entry.createdAt()));
            }
        }
    }

    @Override
    public synchronized DeadLetterPage dead(Optional<Long> before, int limit, long maxTextChars) {
        List<OutboxEntry> matching = outbox.values().stream()
                .filter(entry -> entry.status() == OutboxStatus.DEAD && entry.id() < before.orElse(Long.MAX_VALUE))
                .sorted(Comparator.comparing(OutboxEntry::id).reversed())
                .toList();
        List<OutboxEntry> page = new ArrayList<>();
        long text = 0;
        for (OutboxEntry entry : matching) {
            if (page.size() >= limit || (!page.isEmpty() && text >= maxTextChars)) {
                break;
            }
            page.add(entry);
            text += entry.notification().alerts().toString().length();
        }
        return new DeadLetterPage(
                page, page.size() < matching.size() ? Optional.of(page.getLast().id()) : Optional.empty());
    }

    @Override
    public synchronized boolean replay(long id, Instant at) {
        OutboxEntry entry = outbox.get(id);
        if (entry == null || entry.status() != OutboxStatus.DEAD) {
            return false;
        }
        update(id, OutboxStatus.PENDING, 0, entry.lastError(), at);
        return true;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(long id) {
        return Optional.ofNullable(outbox.get(id));
    }

    @Override
    public synchronized long depth() {
        return outbox.values().stream()
                .filter(entry -> entry.status() == OutboxStatus.PENDING)
                .count();
    }

    /** A settled row's last update is its next-attempt instant here (set to the instant it was settled). */
    @Override
    public synchronized long prune(Instant settledBefore, Instant deadBefore) {
        int before = outbox.size();
        outbox.values().removeIf(entry -> switch (entry.status()) {
            case SENT, FOLDED -> entry.nextAttemptAt().isBefore(settledBefore);
            case DEAD -> entry.nextAttemptAt().isBefore(deadBefore);
            case PENDING -> false;
        });
        return before - outbox.size();
    }

    private void update(long id, OutboxStatus status, int attempts, Optional<String> error, Instant next) {
        OutboxEntry entry = outbox.get(id);
        outbox.put(id, new OutboxEntry(id, entry.notification(), status, attempts, error, next, entry.createdAt()));
    }

    /** One agent's storage: every scope reads the same rows; a row's number is its place in the history. */
    @Override
    public synchronized HistoryPage history(
            Instant since, Optional<HistoryCursor> after, int limit, long maxTextChars, InstanceScope scope) {
        List<Integer> rows = new ArrayList<>();
        for (int row = history.size(); row >= 1; row--) {
            Alert alert = history.get(row - 1);
            long at = alert.timestamp().toEpochMilli();
            boolean afterCursor = after.isEmpty()
                    || at < after.get().occurredAtMillis()
                    || (at == after.get().occurredAtMillis()
                            && row < after.get().row());
            if (!alert.timestamp().isBefore(since) && afterCursor) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing((Integer row) -> history.get(row - 1).timestamp())
                .thenComparing(row -> row)
                .reversed());
        List<Alert> page = new ArrayList<>();
        long text = 0;
        int last = 0;
        for (int row : rows) {
            if (page.size() >= limit || (!page.isEmpty() && text >= maxTextChars)) {
                break;
            }
            Alert alert = history.get(row - 1);
            page.add(alert);
            text += alert.description().length()
                    + alert.summary().length()
                    + alert.labels().toString().length();
            last = row;
        }
        Optional<HistoryCursor> next = page.size() < rows.size()
                ? Optional.of(
                        new HistoryCursor(history.get(last - 1).timestamp().toEpochMilli(), last))
                : Optional.empty();
        return new HistoryPage(page, next);
    }

    @Override
    public synchronized long deleteHistoryOlderThan(Instant cutoff) {
        int before = history.size();
        history.removeIf(alert -> alert.timestamp().isBefore(cutoff));
        return before - history.size();
    }
}
