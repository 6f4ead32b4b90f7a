package com.airdrops.monitoring.domain.port.driven;

/**
 * This agent is not (or no longer) the leader of its instance: another agent of the same instance holds the
 * lease, and nothing was written. The caller stands by instead of retrying.
 */
public final class FencedException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public FencedException(String message) {
        super(message, null);
    }
}
