package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.port.driving.SilenceAdmin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** No silences are kept: none is listed, and creating one is refused. */
enum NoSilences implements SilenceAdmin {
    INSTANCE;

    @Override
    public Silence create(
            List<LabelMatcher> matchers, Optional<Instant> startsAt, Instant endsAt, String createdBy, String comment) {
        throw new IllegalArgumentException("this agent keeps no silences");
    }

    @Override
    public List<Silence> silences() {
        return List.of();
    }

    @Override
    public Optional<Silence> expire(String id) {
        return Optional.empty();
    }
}
