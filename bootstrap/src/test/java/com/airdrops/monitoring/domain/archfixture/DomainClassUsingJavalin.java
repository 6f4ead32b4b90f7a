package com.airdrops.monitoring.domain.archfixture;

import io.javalin.Javalin;

/** Deliberately breaks the domain rule; only {@code ArchitectureRulesCatchViolationsTest} imports it. */
public final class DomainClassUsingJavalin {
    public Javalin server() {
        return Javalin.create();
    }
}
