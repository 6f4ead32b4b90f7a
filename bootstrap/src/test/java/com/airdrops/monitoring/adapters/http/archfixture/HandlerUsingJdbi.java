package com.airdrops.monitoring.adapters.http.archfixture;

import org.jdbi.v3.core.Jdbi;

/** Breaks a rule on purpose: the HTTP adapter reading the database itself. */
public final class HandlerUsingJdbi {
    public int count(Jdbi jdbi) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    }
}
