package com.airdrops.monitoring.domain.port.driving;

import java.util.List;

/** Re-reads the configuration files and applies them only when every one is valid. */
public interface ConfigReloader {
    ReloadOutcome reload();

    /** The result of a reload. */
    sealed interface ReloadOutcome {
        /** Applied; {@code summary} says what is now loaded. */
        record Reloaded(String summary) implements ReloadOutcome {}

        /** Refused: the running configuration is unchanged. */
        record Rejected(List<String> problems) implements ReloadOutcome {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }
}
