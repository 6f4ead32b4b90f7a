package com.airdrops.monitoring.domain.model.component;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;
import java.util.Optional;

/** One failed task execution a scheduler reported: which task, why (when it says), and when (when it says). */
public record TaskFailure(String task, Optional<String> error, Optional<Instant> at) {
    /** The most failures a snapshot carries. */
    public static final int MAX_PER_SNAPSHOT = 10;
    /** The longest error text kept. */
    public static final int MAX_ERROR_LENGTH = 512;

    public TaskFailure {
        Require.nonBlank(task, "task");
        Require.nonNull(error, "error");
        Require.nonNull(at, "at");
    }
}
