package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.metric.Sample;
import java.util.List;

/** The aggregates of the last closed window as samples, so that alert rules can watch {@code <metric>_<function>}. */
@FunctionalInterface
public interface ClosedWindowSamples {
    /** Aggregates of the most recently closed window; empty before the first window closes. Thread-safe. */
    List<Sample> lastClosedWindow();
}
