package com.airdrops.monitoring.domain.port.driven;

/** The database failed; wrapped at the adapter edge so that no SQL type crosses a port. */
public class PersistenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
