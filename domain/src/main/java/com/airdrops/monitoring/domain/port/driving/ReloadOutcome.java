package com.airdrops.monitoring.domain.port.driving;

import java.util.List;

/** The result of a reload. */
public sealed interface ReloadOutcome {
    /** Applied; {@code summary} says what is now loaded. */
    record Reloaded(String summary) implements ReloadOutcome {}

    /** Refused: the running configuration is unchanged. */
    record Rejected(List<String> problems) implements ReloadOutcome {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
