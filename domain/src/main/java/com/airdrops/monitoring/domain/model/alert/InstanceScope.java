package com.airdrops.monitoring.domain.model.alert;

/**
 * Whose rows a read of a shared database covers: this agent's (the default), every agent's, or one named agent's.
 * Agents are told apart by their instance (MONITORING_INSTANCE).
 */
public sealed interface InstanceScope permits OwnInstance, AllInstances, NamedInstance {
    InstanceScope OWN = new OwnInstance();
    InstanceScope ALL = new AllInstances();

    /** The API's {@code instance} parameter: absent or empty for this agent, {@code *} for all, else one name. */
    static InstanceScope parse(String value) {
        if (value == null || value.isBlank()) {
            return OWN;
        }
        return value.trim().equals("*") ? ALL : new NamedInstance(value.trim());
    }
}
