package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.metric.Sample;
import java.time.Instant;
import java.util.List;

/**
 * A source of samples that the collector adds to every snapshot: services report their own health this way (drops,
 * queue depths, evaluation times), so it is exposed, aggregated and alerted on like any other metric. Thread-safe.
 */
public interface MetricsSource {
    List<Sample> samples(Instant now);
}
