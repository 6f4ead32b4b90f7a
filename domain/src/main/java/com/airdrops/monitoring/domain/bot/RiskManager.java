package com.airdrops.monitoring.domain.bot;

import com.airdrops.monitoring.domain.model.component.RiskLevel;
import java.util.Map;

/** What monitoring reads from the bot's RiskManager; a Java bot implements it to be watched in-process. */
public interface RiskManager {
    RiskLevel riskLevel();

    double portfolioValueUsd();

    boolean circuitBreakerActive();

    /** Configured limits by name, e.g. {@code max_protocol_exposure -> 0.2}. */
    Map<String, Double> riskLimits();
}
