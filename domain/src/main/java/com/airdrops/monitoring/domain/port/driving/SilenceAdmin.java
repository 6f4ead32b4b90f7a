package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creating, listing and expiring silences for the API. */
public interface SilenceAdmin {
    /**
     * Saves a new silence; {@code startsAt} empty means now. Throws {@link IllegalArgumentException} when it ends in
     * the past or too many silences are in force.
     */
    Silence create(
            List<LabelMatcher> matchers, Optional<Instant> startsAt, Instant endsAt, String createdBy, String comment);

    /** Pending, active and expired silences (until retention prunes them), newest start first. */
    List<Silence> silences();

    /** Ends a silence now; empty when there is no such silence. */
    Optional<Silence> expire(String id);
}
