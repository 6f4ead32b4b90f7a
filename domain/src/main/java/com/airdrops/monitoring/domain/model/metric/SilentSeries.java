package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import java.util.List;

/**
 * What could not be read at a collection: the last known samples of silent components and of host figures that could
 * not be read (alerts on them keep their state), and the components never heard from since the start.
 */
public record SilentSeries(List<Sample> withheld, List<String> neverHeard) {
    public static final SilentSeries NONE = new SilentSeries(List.of(), List.of());

    public SilentSeries {
        withheld = List.copyOf(Require.nonNull(withheld, "withheld"));
        neverHeard = List.copyOf(Require.nonNull(neverHeard, "neverHeard"));
    }
}
