package com.airdrops.monitoring.adapters.prometheus;

import com.airdrops.monitoring.domain.model.metric.MetricType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Samples the exposition refused (a name clashing with another metric's): counted, and logged once per name. */
final class Refusals {
    // Logged as the exposition, as these lines always were.
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetricsPublisher.class);
    static final String REJECTED = "monitoring_exposition_rejected_samples_total";

    private final AtomicLong rejected = new AtomicLong();
    private final Set<String> rejectedNames = ConcurrentHashMap.newKeySet();

    /** Exposes the count as {@value #REJECTED} in {@code registry}, and reserves its name in {@code families}. */
    void register(MeterRegistry registry, Map<String, MetricType> families) {
        String family = Meters.family(REJECTED);
        FunctionCounter.builder(family, rejected, AtomicLong::get)
                .description("Samples the exposition refused because their name clashes with another metric's.")
                .register(registry);
        families.put(family, MetricType.COUNTER);
    }

    long count() {
        return rejected.get();
    }

    void refuse(String name, String reason) {
        rejected.incrementAndGet();
        if (rejectedNames.add(name)) {
            LOG.warn("Series '{}' cannot be exposed and is skipped (counted in {}): {}", name, REJECTED, reason);
        }
    }
}
