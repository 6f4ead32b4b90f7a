package com.airdrops.monitoring.domain.port.driving;

/** The result of a push. */
public sealed interface PushOutcome {
    record Accepted(String componentName) implements PushOutcome {}

    /** The name is not a push component of {@code components.yaml}; nothing was stored. */
    record UnknownComponent(String componentName) implements PushOutcome {}
}
