package com.airdrops.monitoring.domain.model.alert;

/**
 * Whose rows a read of a shared database covers: this agent's (the default), every agent's, or one named agent's.
 * Agents are told apart by their instance (MONITORING_INSTANCE).
 */
public sealed interface InstanceScope {
    InstanceScope OWN = new Own();
    InstanceScope ALL = new All();

    /** The API's {@code instance} parameter: absent or empty for this agent, {@code *} for all, else one name. */
    static InstanceScope parse(String value) {
        if (value == null || value.isBlank()) {
            return OWN;
        }
        return value.trim().equals("*") ? ALL : new Named(value.trim());
    }

    /** This agent's rows. */
    record Own() implements InstanceScope {}

    /** Every agent's rows. */
    record All() implements InstanceScope {}

    /** The rows of the agent named {@code instance}. */
    record Named(String instance) implements InstanceScope {
        public Named {
            if (instance == null || instance.isBlank()) {
                throw new IllegalArgumentException("an instance name is required");
            }
        }
    }
}
