package com.airdrops.monitoring.domain.port.driven;

/** The database failed; wrapped at the adapter edge so that no SQL type crosses a port. */
public class PersistenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The database answered but refused what was written (a value too long or out of range, a constraint): retrying
     * the same record cannot help, and the rest of the write may be saved without it.
     */
    public static final class Refused extends PersistenceException {
        private static final long serialVersionUID = 1L;

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * This agent is not (or no longer) the leader of its instance: another agent of the same instance holds the
     * lease, and nothing was written. The caller stands by instead of retrying.
     */
    public static final class Fenced extends PersistenceException {
        private static final long serialVersionUID = 1L;

        public Fenced(String message) {
            super(message, null);
        }
    }
}
