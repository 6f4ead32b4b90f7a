package com.airdrops.monitoring.domain.model.component;

import com.airdrops.monitoring.domain.model.Require;
import java.time.Instant;

/** The portfolio's value in USD at one time, as the CapitalAllocator's {@code portfolio_history} reports it. */
public record PortfolioPoint(Instant at, double valueUsd) {
    public PortfolioPoint {
        Require.nonNull(at, "portfolio_history timestamp");
        Require.nonNegative(valueUsd, "portfolio_history value");
    }
}
