package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts notification outcomes per channel and reports them, with the outbox depth and the rows pruned, as samples.
 * The depth is the last figure the outbox maintenance read: reporting never touches the database. Thread-safe.
 */
public final class DeliveryStats implements MetricsSource {
    private final Map<String, Map<String, AtomicLong>> counters = new ConcurrentHashMap<>();
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong pruned = new AtomicLong();
    private final Map<String, AtomicLong> loopFailures = new ConcurrentHashMap<>();

    public DeliveryStats(List<String> channels) {
        channels.forEach(channel -> counters.computeIfAbsent(channel, name -> newCounters()));
    }

    void sent(String channel) {
        counter(channel, "sent").incrementAndGet();
    }

    void failed(String channel) {
        counter(channel, "failed").incrementAndGet();
    }

    void retried(String channel) {
        counter(channel, "retried").incrementAndGet();
    }

    void dead(String channel) {
        counter(channel, "dead").incrementAndGet();
    }

    void folded(String channel, int messages) {
        counter(channel, "folded").addAndGet(messages);
    }

    void depth(long rows) {
        depth.set(rows);
    }

    void pruned(long rows) {
        pruned.addAndGet(rows);
    }

    /** A delivery worker ({@code delivery}) or the outbox maintenance ({@code outbox}) failed unexpectedly. */
    void loopFailed(String loop) {
        loopFailures.computeIfAbsent(loop, name -> new AtomicLong()).incrementAndGet();
    }

    private AtomicLong counter(String channel, String outcome) {
        return counters.computeIfAbsent(channel, name -> newCounters()).get(outcome);
    }

    private static Map<String, AtomicLong> newCounters() {
        Map<String, AtomicLong> byOutcome = new TreeMap<>();
        for (String outcome : List.of("sent", "failed", "retried", "dead", "folded")) {
            byOutcome.put(outcome, new AtomicLong());
        }
        return byOutcome;
    }

    @Override
    public List<Sample> samples(Instant now) {
        List<Sample> samples = new ArrayList<>();
        counters.forEach((channel, byOutcome) -> byOutcome.forEach((outcome, count) -> samples.add(new Sample(
                MetricCatalog.NOTIFICATIONS, Map.of("channel", channel, "outcome", outcome), count.get(), now))));
        samples.add(Sample.of(MetricCatalog.OUTBOX_DEPTH, depth.get(), now));
        samples.add(Sample.of(MetricCatalog.OUTBOX_PRUNED, pruned.get(), now));
        for (String loop : List.of("delivery", "outbox")) {
            long failures = loopFailures.getOrDefault(loop, new AtomicLong()).get();
            samples.add(new Sample(MetricCatalog.LOOP_FAILURES, Map.of("loop", loop), failures, now));
        }
        return samples;
    }
}
