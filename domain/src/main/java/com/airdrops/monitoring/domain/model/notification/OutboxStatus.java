package com.airdrops.monitoring.domain.model.notification;

/** Where a row stands: waiting (first try or a retry), delivered, folded into a digest, or given up. */
public enum OutboxStatus {
    PENDING,
    SENT,
    FOLDED,
    DEAD
}
