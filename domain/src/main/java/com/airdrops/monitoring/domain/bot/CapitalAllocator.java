package com.airdrops.monitoring.domain.bot;

import com.airdrops.monitoring.domain.model.component.PortfolioPoint;
import java.util.List;
import java.util.Map;

/** What monitoring reads from the bot's CapitalAllocator; a Java bot implements it to be watched in-process. */
public interface CapitalAllocator {
    double capitalUtilizationPercent();

    /** Percent of capital per protocol, e.g. {@code scroll -> 40.0}. */
    Map<String, Double> protocolAllocations();

    /**
     * The portfolio's value over time, oldest or newest first (at most 1,000 points, one per time): the agent derives
     * returns, drawdowns and volatility from it. Empty by default.
     */
    default List<PortfolioPoint> portfolioHistory() {
        return List.of();
    }
}
