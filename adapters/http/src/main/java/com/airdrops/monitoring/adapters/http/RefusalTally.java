package com.airdrops.monitoring.adapters.http;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** How often one kind of request was refused, and when that was last logged (guarded by the owner). */
final class RefusalTally {
    final AtomicLong count = new AtomicLong();
    Instant lastLogged;
    long countAtLastLog;
}
