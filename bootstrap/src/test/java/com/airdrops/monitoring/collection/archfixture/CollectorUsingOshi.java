package com.airdrops.monitoring.collection.archfixture;

import oshi.SystemInfo;

/** Deliberately breaks the service rule; only {@code ArchitectureRulesCatchViolationsTest} imports it. */
public final class CollectorUsingOshi {
    public SystemInfo systemInfo() {
        return new SystemInfo();
    }
}
