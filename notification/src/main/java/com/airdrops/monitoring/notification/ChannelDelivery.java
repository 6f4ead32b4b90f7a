package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.port.driven.OutboxQueue;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one channel's due outbox rows. Each attempt runs on its own virtual thread and is abandoned after the
 * policy's timeout. A failure is retried with exponential backoff and +-20 % jitter, never sooner than a 429's
 * Retry-After, until max_attempts, then the row is dead-lettered. At most rate_limit_per_minute messages go out in
 * any minute; rows beyond that are folded into one digest message (at most one digest a minute), and what still
 * waits stays PENDING: nothing is dropped. Each round reads the policy in force, so a reload applies to the next
 * round. Rows are claimed before they are attempted, so workers of several agents sharing one database never send
 * the same row. A row to retry holds the whole channel back until its retry is due: nothing newer overtakes it (a
 * RESOLVED must not reach PagerDuty before its FIRING), and a service that asked to wait (a 429) is not sent to
 * meanwhile. Not thread-safe: one worker per channel calls {@link #deliverDue()}.
 */
public final class ChannelDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDelivery.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    static final int BATCH = 500;

    private final String channel;
    private final AlertNotifier notifier;
    private final OutboxQueue outbox;
    private final LiveRouting setup;
    private final InstantSource clock;
    private final DoubleSupplier random;
    private final DeliveryStats stats;
    private final ArrayDeque<Instant> sentInLastMinute = new ArrayDeque<>();
    private Instant lastDigest = Instant.MIN;
    /** Until when the channel waits for a row to retry; rows are claimed oldest first once it has passed. */
    private Instant pausedUntil = Instant.MIN;

    private final TimedAttempts attempts = new TimedAttempts();

    public ChannelDelivery(
            String channel,
            AlertNotifier notifier,
            OutboxQueue outbox,
            LiveRouting setup,
            InstantSource clock,
            DoubleSupplier random,
            DeliveryStats stats) {
        this.channel = channel;
        this.notifier = notifier;
        this.outbox = outbox;
        this.setup = setup;
        this.clock = clock;
        this.random = random;
        this.stats = stats;
    }

    public String channel() {
        return channel;
    }

    /**
     * Delivers what is due now; returns how many rows it settled (sent, retried, folded or dead). Rows are claimed one
     * at a time for their own attempt, each for one attempt's timeout plus a second, so a worker that dies holds a
     * row back for seconds, not for a whole round; once the rate limit is reached, the rest is claimed together for
     * the one digest that folds them.
     */
    public int deliverDue() {
        NotificationPolicy policy = setup.current().policy();
        Duration claim = policy.timeout().plusSeconds(2);
        int settled = 0;
        while (settled < BATCH) {
            if (clock.instant().isBefore(pausedUntil)) {
                return settled;
            }
            forgetOlderThan(clock.instant().minus(MINUTE));
            if (sentInLastMinute.size() >= policy.rateLimitPerMinute()) {
                Instant now = clock.instant();
                List<OutboxEntry> overflow = outbox.claimDue(channel, now, now.plus(claim), BATCH);
                if (overflow.isEmpty()) {
                    return settled;
                }
                return settled + digest(overflow, policy);
            }
            Instant now = clock.instant();
            List<OutboxEntry> next = outbox.claimDue(channel, now, now.plus(claim), 1);
            if (next.isEmpty()) {
                return settled;
            }
            attempt(next.getFirst(), policy);
            settled++;
        }
        return settled;
    }

    private void attempt(OutboxEntry entry, NotificationPolicy policy) {
        int attempt = entry.attempts() + 1;
        DeliveryOutcome outcome = send(entry.notification(), policy.timeout());
        Instant now = clock.instant();
        sentInLastMinute.addLast(now);
        switch (outcome) {
            case DeliveryOutcome.Delivered delivered -> {
                outbox.markSent(entry.id(), attempt, now);
                stats.sent(channel);
                LOG.info(
                        "Notification {} to {} delivered ({} alerts, {}) on attempt {}",
                        entry.notification().eventId(),
                        channel,
                        entry.notification().alerts().size(),
                        entry.notification().groupStatus().wireName(),
                        attempt);
            }
            case DeliveryOutcome.RetryLater later -> {
                stats.failed(channel);
                if (attempt >= policy.maxAttempts()) {
                    deadLetter(entry, attempt, later.reason(), now);
                } else {
                    Duration wait = backoff(attempt, policy, random.getAsDouble());
                    if (later.retryAfter().isPresent()
                            && later.retryAfter().get().compareTo(wait) > 0) {
                        wait = later.retryAfter().get();
                    }
                    outbox.markRetry(entry.id(), attempt, later.reason(), now, now.plus(wait));
                    pausedUntil = now.plus(wait);
                    stats.retried(channel);
                    LOG.warn(
                            "Notification {} to {} failed (attempt {} of {}), retry in {} ms: {}",
                            entry.notification().eventId(),
                            channel,
                            attempt,
                            policy.maxAttempts(),
                            wait.toMillis(),
                            later.reason());
                }
            }
            case DeliveryOutcome.Rejected rejected -> {
                stats.failed(channel);
                deadLetter(entry, attempt, rejected.reason(), now);
            }
        }
    }

    private void deadLetter(OutboxEntry entry, int attempt, String reason, Instant now) {
        outbox.markDead(entry.id(), attempt, reason, now);
        stats.dead(channel);
        LOG.error(
                "Notification {} to {} dead-lettered after {} attempts: {}",
                entry.notification().eventId(),
                channel,
                attempt,
                reason);
    }

    /**
     * Folds the overflow into one digest, at most once a minute; returns how many rows it settled. A digest attempt
     * counts as an attempt of each row it carries: a digest the channel rejects (a permanent failure, such as HTTP 400)
     * dead-letters them, and one that keeps failing dead-letters each row at its max_attempts, as when sent alone.
     */
    private int digest(List<OutboxEntry> overflow, NotificationPolicy policy) {
        Instant now = clock.instant();
        List<Long> ids = overflow.stream().map(OutboxEntry::id).toList();
        if (now.isBefore(lastDigest.plus(MINUTE))) {
            // Not sent yet (one digest a minute): due again at once, not when the claim ends.
            outbox.release(ids, now);
            return 0;
        }
        List<Alert> alerts = new ArrayList<>();
        overflow.forEach(entry -> alerts.addAll(entry.notification().alerts()));
        Notification digest = new Notification(UUID.randomUUID().toString(), channel, alerts, overflow.size());
        lastDigest = now;
        DeliveryOutcome outcome = send(digest, policy.timeout());
        if (outcome instanceof DeliveryOutcome.Delivered) {
            outbox.markFolded(ids, clock.instant());
            stats.folded(channel, overflow.size());
            stats.sent(channel);
            LOG.warn("Rate limit of {} reached: {} notifications folded into one digest", channel, overflow.size());
            return overflow.size();
        }
        stats.failed(channel);
        boolean rejected = outcome instanceof DeliveryOutcome.Rejected;
        String reason = switch (outcome) {
            case DeliveryOutcome.Delivered delivered -> "";
            case DeliveryOutcome.RetryLater later -> later.reason();
            case DeliveryOutcome.Rejected refused -> refused.reason();
        };
        Instant at = clock.instant();
        int dead = 0;
        for (OutboxEntry entry : overflow) {
            int attempt = entry.attempts() + 1;
            if (rejected || attempt >= policy.maxAttempts()) {
                outbox.markDead(entry.id(), attempt, "digest: " + reason, at);
                stats.dead(channel);
                dead++;
            } else {
                outbox.markRetry(entry.id(), attempt, "digest: " + reason, at, at); // the next digest, in a minute
            }
        }
        if (dead > 0) {
            LOG.error(
                    "Digest of {} notifications to {} failed: {}; {} of them dead-lettered ({}), the rest stay queued",
                    overflow.size(),
                    channel,
                    reason,
                    dead,
                    rejected ? "rejected" : "max_attempts " + policy.maxAttempts() + " reached");
        } else {
            LOG.warn("Digest of {} notifications to {} failed; they stay queued: {}", overflow.size(), channel, reason);
        }
        return dead;
    }

    private DeliveryOutcome send(Notification notification, Duration timeout) {
        return attempts.send(notifier, notification, timeout);
    }

    /** initial * 2^(attempt - 1) with +-20 % jitter, never above max_backoff (the operator's bound wins). */
    static Duration backoff(int attempt, NotificationPolicy policy, double random) {
        double base = Math.min(
                policy.maxBackoff().toMillis(),
                policy.initialBackoff().toMillis() * Math.pow(2, Math.max(0, attempt - 1)));
        double jitter = 0.8 + 0.4 * random;
        return Duration.ofMillis(Math.min(policy.maxBackoff().toMillis(), Math.round(base * jitter)));
    }

    private void forgetOlderThan(Instant cutoff) {
        while (!sentInLastMinute.isEmpty() && sentInLastMinute.peekFirst().isBefore(cutoff)) {
            sentInLastMinute.removeFirst();
        }
    }

    @Override
    public void close() {
        attempts.close();
    }
}
