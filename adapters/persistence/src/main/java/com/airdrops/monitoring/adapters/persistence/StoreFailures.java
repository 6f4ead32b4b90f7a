package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import com.airdrops.monitoring.domain.port.driven.RefusedRecordException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A database failure as the ports report it: a {@link PersistenceException} naming what was being done, refined to
 * {@link RefusedRecordException} when the database refused this record rather than failed.
 */
final class StoreFailures {
    private StoreFailures() {}

    static <T> T wrap(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = action + " failed: " + Failures.rootMessage(e);
            throw refusedRecord(e) ? new RefusedRecordException(message, e) : new PersistenceException(message, e);
        }
    }

    /** SQLSTATE class 22 (data exception: too long, out of range) or 23 (constraint): this record, not the database. */
    private static boolean refusedRecord(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String sqlState = sql.getSQLState();
                return sqlState.startsWith("22") || sqlState.startsWith("23");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
