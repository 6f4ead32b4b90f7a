package com.airdrops.monitoring.domain.model.notification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of dead letters, newest first, and, when more follow, the row id the next page continues below. */
public record DeadLetterPage(List<OutboxEntry> entries, Optional<Long> next) {
    public DeadLetterPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }
}
