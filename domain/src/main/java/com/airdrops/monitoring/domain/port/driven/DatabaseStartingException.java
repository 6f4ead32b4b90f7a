package com.airdrops.monitoring.domain.port.driven;

/**
 * The database half of the agent (its store, alert state, lease, evaluation and delivery) has not joined yet: the
 * agent answers on its port before the database is open, and what needs the database waits for it.
 */
public final class DatabaseStartingException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public DatabaseStartingException() {
        super("starting: database", null);
    }
}
