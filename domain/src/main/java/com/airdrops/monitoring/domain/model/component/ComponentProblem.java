package com.airdrops.monitoring.domain.model.component;

import com.airdrops.monitoring.domain.model.Require;
import java.util.Optional;

/** Why a reading failed; {@code stale} when data came but was older than the component's limit. */
public record ComponentProblem(Optional<String> reason, boolean stale) {
    public static final ComponentProblem NONE = new ComponentProblem(Optional.empty(), false);

    public ComponentProblem(String reason, boolean stale) {
        this(Optional.of(reason), stale);
    }

    public ComponentProblem {
        Require.nonNull(reason, "reason");
    }
}
