package com.airdrops.monitoring.adapters.persistence;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Evicts a pooled H2 connection whose database has closed itself: after a write fails (a full disk), H2 closes its
 * store and every session of it answers "database closed" for good, while a new connection opens the file again. The
 * pool would keep the dead sessions (they still pass its validity check); evicting them makes the next borrow reopen
 * the database, so the agent recovers by itself once the cause is gone.
 */
final class ClosedStoreEviction implements SQLExceptionOverride {
    /** H2's DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN and GENERAL_ERROR_1 (an MVStore write failure). */
    private static final int CLOSED = 90098;

    private static final int SHUTTING_DOWN = 90121;
    private static final int GENERAL_ERROR = 50000;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return switch (e.getErrorCode()) {
            case CLOSED, SHUTTING_DOWN, GENERAL_ERROR -> Override.MUST_EVICT;
            default -> Override.CONTINUE_EVICT;
        };
    }
}
