package com.airdrops.monitoring.config;

import java.time.Duration;

/**
 * How often the rules are evaluated, and how long alert history is kept.
 *
 * @param windowMaxSeries how many series the sliding windows of rules with a function may watch in all
 */
public record AlertingSection(Duration evaluationInterval, Duration retention, int windowMaxSeries) {}
