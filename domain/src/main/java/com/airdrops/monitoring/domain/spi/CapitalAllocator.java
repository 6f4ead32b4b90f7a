package com.airdrops.monitoring.domain.spi;

import java.util.Map;

/** What monitoring reads from the bot's CapitalAllocator; a Java bot implements it to be watched in-process. */
public interface CapitalAllocator {
    double capitalUtilizationPercent();

    /** Percent of capital per protocol, e.g. {@code scroll -> 40.0}. */
    Map<String, Double> protocolAllocations();
}
