package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import java.util.Optional;

/** The most recent collected snapshot, empty until the first collection has run. */
public interface LatestMetrics {
    Optional<MetricsSnapshot> latest();
}
