package com.airdrops.monitoring.domain.model.alert;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of alert history, newest first: at most the rows and the text asked for, and, when more rows follow, the
 * cursor that continues after the last one.
 */
public record HistoryPage(List<Alert> transitions, Optional<HistoryCursor> next) {
    public HistoryPage {
        transitions = List.copyOf(transitions);
        Objects.requireNonNull(next, "next");
    }

    /** Whether the page was cut (by its row limit or its text budget): more rows follow. */
    public boolean cut() {
        return next.isPresent();
    }
}
