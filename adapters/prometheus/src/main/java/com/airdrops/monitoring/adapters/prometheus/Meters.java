package com.airdrops.monitoring.adapters.prometheus;

import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.MetricDescriptor;
import com.airdrops.monitoring.domain.model.metric.MetricType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** How a series becomes a Micrometer meter: a gauge, a counter or a histogram of seconds, described by the catalog. */
final class Meters {
    /** Bucket bounds of every histogram, seconds: from a fast in-process read to a probe at a 10 s timeout. */
    private static final Duration[] BUCKETS = Stream.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
            .map(seconds -> Duration.ofNanos(Math.round(seconds * 1e9)))
            .toArray(Duration[]::new);

    private Meters() {}

    /**
     * A histogram of seconds is a Timer: a distribution summary keeps whole numbers in its buckets, so every
     * sub-second value landed in the 1 s bucket. Micrometer adds the {@code _seconds} unit back to the name.
     */
    static Timer histogram(SeriesKey key, PrometheusMeterRegistry registry) {
        MetricDescriptor descriptor = MetricCatalog.describe(key.name());
        String name = descriptor.name().endsWith("_seconds")
                ? descriptor.name().substring(0, descriptor.name().length() - "_seconds".length())
                : descriptor.name();
        return Timer.builder(name)
                .description(descriptor.help())
                .tags(tags(key))
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0])
                .maximumExpectedValue(BUCKETS[BUCKETS.length - 1])
                .register(registry);
    }

    /**
     * Registers a gauge or counter for {@code key} in {@code target}. {@code families} holds the type of every name
     * exposed: the registry may drop a clashing meter without a word, so a clash is refused here, where it is counted.
     */
    static MeterSeries series(SeriesKey key, PrometheusMeterRegistry target, Map<String, MetricType> families) {
        MetricDescriptor descriptor = MetricCatalog.describe(key.name());
        String family = family(key.name());
        MetricType existing = families.putIfAbsent(family, descriptor.type());
        if (existing != null && existing != descriptor.type()) {
            throw new IllegalArgumentException("'" + key.name() + "' clashes with the "
                    + existing.name().toLowerCase(Locale.ROOT) + " '" + family + "' already exposed");
        }
        MeterSeries holder = new MeterSeries();
        Tags tags = tags(key);
        holder.meter(
                switch (descriptor.type()) {
                    case GAUGE ->
                        Gauge.builder(descriptor.name(), holder, MeterSeries::value)
                                .description(descriptor.help())
                                .tags(tags)
                                .register(target);
                    // Micrometer appends _total to counters itself.
                    case COUNTER ->
                        FunctionCounter.builder(stripTotal(descriptor.name()), holder, MeterSeries::value)
                                .description(descriptor.help())
                                .tags(tags)
                                .register(target);
                    case HISTOGRAM ->
                        throw new IllegalArgumentException(
                                "'" + key.name() + "' is a histogram: publish it as observations, not samples");
                });
        return holder;
    }

    /** The name a counter's samples share with its family: without {@code _total}. */
    static String family(String name) {
        return name.endsWith("_total") ? stripTotal(name) : name;
    }

    private static Tags tags(SeriesKey key) {
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> label : key.labels().entrySet()) {
            tags = tags.and(label.getKey(), label.getValue());
        }
        return tags;
    }

    private static String stripTotal(String name) {
        return name.substring(0, name.length() - "_total".length());
    }
}
