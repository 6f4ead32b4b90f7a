package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.Notification;
import com.airdrops.monitoring.domain.model.NotificationPolicy;
import com.airdrops.monitoring.domain.model.OutboxEntry;
import com.airdrops.monitoring.domain.port.AlertNotifier;
import com.airdrops.monitoring.domain.port.AlertNotifier.DeliveryOutcome;
import com.airdrops.monitoring.domain.port.NotificationOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one channel's due outbox rows. Each attempt runs on its own virtual thread and is abandoned after the
 * policy's timeout. A failure is retried with exponential backoff and +-20 % jitter, never sooner than a 429's
 * Retry-After, until max_attempts, then the row is dead-lettered. At most rate_limit_per_minute messages go out in
 * any minute; rows beyond that are folded into one digest message (at most one digest a minute), and what still
 * waits stays PENDING: nothing is dropped. Not thread-safe: one worker per channel calls {@link #deliverDue()}.
 */
public final class ChannelDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDelivery.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    static final int BATCH = 500;

    private final String channel;
    private final AlertNotifier notifier;
    private final NotificationOutbox outbox;
    private final NotificationPolicy policy;
    private final InstantSource clock;
    private final DoubleSupplier random;
    private final DeliveryStats stats;
    private final ArrayDeque<Instant> sentInLastMinute = new ArrayDeque<>();
    private Instant lastDigest = Instant.MIN;
    private final ExecutorService attempts = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("notify-attempt-", 0).factory());

    public ChannelDelivery(String channel, AlertNotifier notifier, NotificationOutbox outbox, NotificationPolicy policy,
                           InstantSource clock, DoubleSupplier random, DeliveryStats stats) {
        this.channel = channel;
        this.notifier = notifier;
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.stats = stats;
    }

    public String channel() {
        return channel;
    }

    /** Delivers what is due now; returns how many rows it settled (sent, retried, folded or dead). */
    public int deliverDue() {
        Instant now = clock.instant();
        List<OutboxEntry> due = outbox.due(channel, now, BATCH);
        List<OutboxEntry> overflow = new ArrayList<>();
        int settled = 0;
        for (OutboxEntry entry : due) {
            forgetOlderThan(clock.instant().minus(MINUTE));
            if (sentInLastMinute.size() >= policy.rateLimitPerMinute()) {
                overflow.add(entry);
                continue;
            }
            attempt(entry);
            settled++;
        }
        if (!overflow.isEmpty()) {
            settled += digest(overflow);
        }
        return settled;
    }

    private void attempt(OutboxEntry entry) {
        int attempt = entry.attempts() + 1;
        DeliveryOutcome outcome = send(entry.notification());
        Instant now = clock.instant();
        sentInLastMinute.addLast(now);
        switch (outcome) {
            case DeliveryOutcome.Delivered delivered -> {
                outbox.markSent(entry.id(), attempt, now);
                stats.sent(channel);
                if (attempt > 1) {
                    LOG.info("Notification {} to {} delivered on attempt {}", entry.notification().eventId(), channel, attempt);
                }
            }
            case DeliveryOutcome.Failed failed -> {
                stats.failed(channel);
                if (!failed.retryable() || attempt >= policy.maxAttempts()) {
                    outbox.markDead(entry.id(), attempt, failed.reason(), now);
                    stats.dead(channel);
                    LOG.error("Notification {} to {} dead-lettered after {} attempts: {}", entry.notification().eventId(),
                            channel, attempt, failed.reason());
                } else {
                    Duration wait = backoff(attempt);
                    if (failed.retryAfter().isPresent() && failed.retryAfter().get().compareTo(wait) > 0) {
                        wait = failed.retryAfter().get();
                    }
                    outbox.markRetry(entry.id(), attempt, failed.reason(), now.plus(wait));
                    stats.retried(channel);
                    LOG.warn("Notification {} to {} failed (attempt {} of {}), retry in {} ms: {}",
                            entry.notification().eventId(), channel, attempt, policy.maxAttempts(), wait.toMillis(),
                            failed.reason());
                }
            }
        }
    }

    /** Folds the overflow into one digest, at most once a minute; returns how many rows it settled. */
    private int digest(List<OutboxEntry> overflow) {
        Instant now = clock.instant();
        if (now.isBefore(lastDigest.plus(MINUTE))) {
            return 0; // they stay PENDING until the rate limit lets them through
        }
        List<Alert> alerts = new ArrayList<>();
        overflow.forEach(entry -> alerts.addAll(entry.notification().alerts()));
        Notification digest = new Notification(UUID.randomUUID().toString(), channel, alerts, overflow.size());
        lastDigest = now;
        DeliveryOutcome outcome = send(digest);
        if (outcome instanceof DeliveryOutcome.Delivered) {
            outbox.markFolded(overflow.stream().map(OutboxEntry::id).toList(), clock.instant());
            stats.folded(channel, overflow.size());
            stats.sent(channel);
            LOG.warn("Rate limit of {} reached: {} notifications folded into one digest", channel, overflow.size());
            return overflow.size();
        }
        stats.failed(channel);
        LOG.warn("Digest of {} notifications to {} failed; they stay queued: {}", overflow.size(), channel,
                ((DeliveryOutcome.Failed) outcome).reason());
        return 0;
    }

    private DeliveryOutcome send(Notification notification) {
        Duration timeout = policy.timeout();
        Future<DeliveryOutcome> future = attempts.submit(() -> notifier.send(notification, timeout));
        try {
            return future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return DeliveryOutcome.retry("timed out after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return DeliveryOutcome.retry("notifier failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return DeliveryOutcome.retry("interrupted");
        }
    }

    /** initial * 2^(attempt - 1), capped at max_backoff, with +-20 % jitter. */
    Duration backoff(int attempt) {
        double base = Math.min(policy.maxBackoff().toMillis(),
                policy.initialBackoff().toMillis() * Math.pow(2, Math.max(0, attempt - 1)));
        double jitter = 0.8 + 0.4 * random.getAsDouble();
        return Duration.ofMillis(Math.round(base * jitter));
    }

    private void forgetOlderThan(Instant cutoff) {
        while (!sentInLastMinute.isEmpty() && sentInLastMinute.peekFirst().isBefore(cutoff)) {
            sentInLastMinute.removeFirst();
        }
    }

    @Override
    public void close() {
        attempts.shutdownNow();
    }
}
