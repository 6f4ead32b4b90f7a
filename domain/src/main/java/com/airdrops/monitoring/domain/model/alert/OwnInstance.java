package com.airdrops.monitoring.domain.model.alert;

/** This agent's rows. */
public record OwnInstance() implements InstanceScope {}
