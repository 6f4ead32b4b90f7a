package com.airdrops.monitoring.domain.model.alert;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of alert history, newest first: at most the rows and the text asked for, and, when more rows follow, the
 * cursor that continues after the last one.
 */
public record HistoryPage(List<Alert> transitions, Optional<Cursor> next) {
    public HistoryPage {
        transitions = List.copyOf(transitions);
        Objects.requireNonNull(next, "next");
    }

    /** Whether the page was cut (by its row limit or its text budget): more rows follow. */
    public boolean cut() {
        return next.isPresent();
    }

    /** Where a page ended: the instant and the row of its last transition, written {@code <epoch ms>.<row>}. */
    public record Cursor(long occurredAtMillis, long row) {
        public static Cursor parse(String written) {
            int dot = written.indexOf('.');
            try {
                if (dot > 0) {
                    return new Cursor(
                            Long.parseLong(written.substring(0, dot)), Long.parseLong(written.substring(dot + 1)));
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("expected a cursor from an earlier page, such as 1796466999771.42");
        }

        @Override
        public String toString() {
            return occurredAtMillis + "." + row;
        }
    }
}
