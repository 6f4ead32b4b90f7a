package com.airdrops.monitoring.domain.port.driven;

/**
 * The durable queue of notifications, as its storage implements it: the delivery's queue, the dead letters and the
 * upkeep. Each user depends on the narrow port it needs. Thread-safe.
 */
public interface NotificationOutbox extends OutboxQueue, DeadLetters, OutboxUpkeep {}
