package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import java.util.List;

/** Silent components: their last known business samples, and those never heard from since the start. */
public record SilentSeries(List<Sample> withheld, List<String> neverHeard) {
    public static final SilentSeries NONE = new SilentSeries(List.of(), List.of());

    public SilentSeries {
        withheld = List.copyOf(Require.nonNull(withheld, "withheld"));
        neverHeard = List.copyOf(Require.nonNull(neverHeard, "neverHeard"));
    }
}
