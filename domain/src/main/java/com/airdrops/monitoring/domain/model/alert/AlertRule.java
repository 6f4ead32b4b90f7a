package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.metric.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A threshold on a metric that must hold for {@code forDuration} before its alert fires. {@code labels} are added to
 * its alerts; {@code keepFiringFor} holds a firing alert through dips shorter than it (zero: resolve at once).
 * {@code matchers} narrow the series it watches (all must match); a {@code recoveryThreshold} makes a firing alert
 * resolve only once the value crosses it (hysteresis); the {@code description} may use {@link AlertTemplate}
 * placeholders, and so may the one-line {@code summary}. A {@code window} makes the rule compare a function of each
 * series' last samples (its increase over ten minutes, say) instead of the latest value.
 */
public record AlertRule(
        String name,
        String metricName,
        Condition condition,
        double threshold,
        AlertSeverity severity,
        String description,
        Duration forDuration,
        Map<String, String> labels,
        Duration keepFiringFor,
        List<LabelMatcher> matchers,
        OptionalDouble recoveryThreshold,
        Optional<NoData> noData,
        String summary,
        Optional<RuleWindow> window) {

    /** The default for-duration: 300 seconds. */
    public static final Duration DEFAULT_FOR_DURATION = Duration.ofSeconds(300);

    public AlertRule {
        Require.nonBlank(name, "rule name");
        Require.metricName(metricName, "metric_name");
        Require.nonNull(condition, "condition");
        Require.finite(threshold, "threshold");
        Require.nonNull(severity, "severity");
        description = description == null ? "" : description;
        forDuration = forDuration == null ? DEFAULT_FOR_DURATION : forDuration;
        if (forDuration.isNegative()) {
            throw new IllegalArgumentException("for_duration must be >= 0, got " + forDuration.toSeconds() + " s");
        }
        labels = Labels.of(labels, "label");
        keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
        if (keepFiringFor.isNegative()) {
            throw new IllegalArgumentException("keep_firing_for must be >= 0, got " + keepFiringFor.toSeconds() + " s");
        }
        AlertTemplate.validate(description);
        summary = summary == null ? "" : summary;
        AlertTemplate.validate(summary);
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        noData = noData == null ? Optional.empty() : noData;
        recoveryThreshold = recoveryThreshold == null ? OptionalDouble.empty() : recoveryThreshold;
        window = window == null ? Optional.empty() : window;
        window.flatMap(w -> w.function().conditionProblem(condition)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (recoveryThreshold.isPresent()) {
            Require.finite(recoveryThreshold.getAsDouble(), "recovery_threshold");
            recoveryProblem(condition, threshold, recoveryThreshold.getAsDouble())
                    .ifPresent(problem -> {
                        throw new IllegalArgumentException(problem);
                    });
        }
    }

    /** Why {@code recovery} cannot recover an alert of {@code condition} on {@code threshold}, or empty when it can. */
    public static Optional<String> recoveryProblem(Condition condition, double threshold, double recovery) {
        return switch (condition) {
            case GT, GTE ->
                recovery < threshold
                        ? Optional.empty()
                        : Optional.of("recovery_threshold must be below the threshold (" + threshold
                                + ") for condition " + condition.wireName() + ", got " + recovery);
            case LT, LTE ->
                recovery > threshold
                        ? Optional.empty()
                        : Optional.of("recovery_threshold must be above the threshold (" + threshold
                                + ") for condition " + condition.wireName() + ", got " + recovery);
            case EQ, NE ->
                Optional.of("recovery_threshold applies to gt, gte, lt and lte only, not " + condition.wireName());
        };
    }

    /** True when every matcher accepts the series' labels. */
    public boolean watches(Map<String, String> seriesLabels) {
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(seriesLabels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the condition holds for {@code value}: against the threshold, or, for an alert already firing, against
     * the recovery threshold when there is one.
     */
    public boolean holds(double value, boolean firing) {
        double bound = firing && recoveryThreshold.isPresent() ? recoveryThreshold.getAsDouble() : threshold;
        return condition.holds(value, bound);
    }

    /** A rule with its required fields; everything else takes its default until set. */
    public static AlertRuleBuilder builder(
            String name, String metricName, Condition condition, double threshold, AlertSeverity severity) {
        return new AlertRuleBuilder(name, metricName, condition, threshold, severity);
    }
}
