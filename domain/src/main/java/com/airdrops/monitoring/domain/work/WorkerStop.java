package com.airdrops.monitoring.domain.work;

/** How {@link #close()} gets the thread's attention. */
public enum WorkerStop {
    /** Unpark it: the step ends its round and the loop ends. Nothing in flight is cut short. */
    WAKE,
    /** Interrupt it: for a step that blocks on a queue. Never for one that may be writing to a database file. */
    INTERRUPT
}
