package com.airdrops.monitoring.domain.model.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builds a rule; the record's constructor checks the fields when {@link #build()} runs. Not thread-safe. */
public final class AlertRuleBuilder {
    private final String name;
    private final String metricName;
    private final Condition condition;
    private final double threshold;
    private final AlertSeverity severity;
    private String description = "";
    private Duration forDuration = AlertRule.DEFAULT_FOR_DURATION;
    private Map<String, String> labels = Map.of();
    private Duration keepFiringFor = Duration.ZERO;
    private List<LabelMatcher> matchers = List.of();
    private OptionalDouble recoveryThreshold = OptionalDouble.empty();
    private Optional<NoData> noData = Optional.empty();
    private String summary = "";
    private Optional<RuleWindow> window = Optional.empty();

    AlertRuleBuilder(String name, String metricName, Condition condition, double threshold, AlertSeverity severity) {
        this.name = name;
        this.metricName = metricName;
        this.condition = condition;
        this.threshold = threshold;
        this.severity = severity;
    }

    public AlertRuleBuilder description(String description) {
        this.description = description;
        return this;
    }

    public AlertRuleBuilder forDuration(Duration forDuration) {
        this.forDuration = forDuration;
        return this;
    }

    public AlertRuleBuilder labels(Map<String, String> labels) {
        this.labels = labels;
        return this;
    }

    public AlertRuleBuilder keepFiringFor(Duration keepFiringFor) {
        this.keepFiringFor = keepFiringFor;
        return this;
    }

    public AlertRuleBuilder matchers(List<LabelMatcher> matchers) {
        this.matchers = matchers;
        return this;
    }

    public AlertRuleBuilder recoveryThreshold(OptionalDouble recoveryThreshold) {
        this.recoveryThreshold = recoveryThreshold;
        return this;
    }

    public AlertRuleBuilder noData(Optional<NoData> noData) {
        this.noData = noData;
        return this;
    }

    public AlertRuleBuilder summary(String summary) {
        this.summary = summary;
        return this;
    }

    public AlertRuleBuilder window(Optional<RuleWindow> window) {
        this.window = window;
        return this;
    }

    public AlertRule build() {
        return new AlertRule(
                name,
                metricName,
                condition,
                threshold,
                severity,
                description,
                forDuration,
                labels,
                keepFiringFor,
                matchers,
                recoveryThreshold,
                noData,
                summary,
                window);
    }
}
