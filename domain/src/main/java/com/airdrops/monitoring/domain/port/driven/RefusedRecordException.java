package com.airdrops.monitoring.domain.port.driven;

/**
 * The database answered but refused what was written (a value too long or out of range, a constraint): retrying
 * the same record cannot help, and the rest of the write may be saved without it.
 */
public final class RefusedRecordException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public RefusedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
