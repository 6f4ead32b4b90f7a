package com.airdrops.monitoring.domain.model.alert;

/** Every agent's rows. */
public record AllInstances() implements InstanceScope {}
