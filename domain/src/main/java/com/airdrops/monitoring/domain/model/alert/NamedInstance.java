package com.airdrops.monitoring.domain.model.alert;

/** The rows of the agent named {@code instance}. */
public record NamedInstance(String instance) implements InstanceScope {
    public NamedInstance {
        if (instance == null || instance.isBlank()) {
            throw new IllegalArgumentException("an instance name is required");
        }
    }
}
