package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.AlertFingerprint;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.alert.Pending;
import com.airdrops.monitoring.domain.model.metric.Labels;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.metric.SilentSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lifecycle of Prometheus alerting rules, per rule and matching series, computed in memory: inactive, PENDING when
 * the condition first holds, FIRING once it has held for the rule's {@code for_duration} (at once for zero), RESOLVED
 * when it stops holding (or its series disappears) for longer than {@code keep_firing_for}. A PENDING alert whose
 * condition stops holding returns to inactive silently. NaN never satisfies a condition. Stores and sends nothing:
 * the {@link Alerter} saves and announces what a pass changed, and rule tests run it alone.
 *
 * <p>Not thread-safe: one pass at a time.
 */
final class RuleEvaluator {
    /**
     * How long an alert restored at start (or at a take-over) keeps its state while its series has not come back:
     * pushed data is not kept across a restart, so a pushed series returns only with the bot's next push.
     */
    static final Duration RESTORE_GRACE = Duration.ofMinutes(2);

    private final Map<String, String> agentLabels;
    private final Silencer silencer;
    private final AlertStates states = new AlertStates();
    private final NoDataWatch noData = new NoDataWatch();
    private final RuleWindows windows;
    private long passes;

    /**
     * @param agentLabels labels every alert carries, such as the agent's {@code instance}; a series or rule label of
     *     the same name wins
     * @param silencer which silences hold an alert back, noted on each alert at every pass
     * @param windows the sliding windows of the rules with a function; each pass adds its samples to them
     */
    RuleEvaluator(Map<String, String> agentLabels, Silencer silencer, RuleWindows windows) {
        this.agentLabels = Map.copyOf(agentLabels);
        this.silencer = silencer;
        this.windows = windows;
    }

    AlertStates states() {
        return states;
    }

    /** Forgets every alert and what no-data watched: before a restore, or when this agent stands by. */
    void clear() {
        states.clear();
        noData.clear();
    }

    /** Takes an alert back from the database; it keeps its state a while though its series is not back yet. */
    AlertState restore(ActiveAlert alert, Instant now) {
        AlertState state = AlertState.restore(alert, now);
        state.restoredAt = Optional.of(now);
        mark(state, now);
        states.put(state);
        return state;
    }

    /** One pass of {@code rules} over {@code samples} at {@code at}, every component reporting. */
    EvaluationPass evaluate(List<AlertRule> rules, List<Sample> samples, Instant at) {
        return evaluate(rules, samples, SilentSeries.NONE, at);
    }

    /**
     * One pass of {@code rules} over {@code samples} at {@code at}; the pass holds what changed. An alert on a series
     * of a {@code silent} component keeps its state (data that stopped coming says nothing about the condition), and
     * so does a restored alert while a component has not been heard from since the start.
     */
    EvaluationPass evaluate(List<AlertRule> rules, List<Sample> samples, SilentSeries silent, Instant at) {
        EvaluationPass pass = new EvaluationPass(at, ++passes);
        silencer.refresh();
        states.forEach(state -> mark(state, at));
        windows.watch(rules, at);
        windows.add(samples);
        Map<String, List<Sample>> byName = index(samples);
        Map<String, List<Sample>> withheld = index(silent.withheld());
        Map<String, AlertRule> ruleByName = new HashMap<>();
        for (AlertRule rule : rules) {
            ruleByName.put(rule.name(), rule);
            Map<Map<String, String>, AlertState> alerts = states.of(rule.name());
            noData.watch(rule, at);
            List<Sample> watched = rule.window().isPresent()
                    ? windowed(rule, alerts, pass)
                    : byName.getOrDefault(rule.metricName(), List.of());
            for (Sample sample : watched) {
                if (rule.watches(sample.labels())) {
                    noData.seen(rule, sample.labels(), alerts, pass);
                    evaluate(rule, alerts, sample, pass);
                }
            }
            Iterator<AlertState> unseen = alerts.values().iterator();
            while (unseen.hasNext()) {
                AlertState state = unseen.next();
                if (state.lastSeenPass != pass.number
                        && !withheld(withheld, rule, state)
                        && !keptWhileAbsent(rule, state, silent, pass)
                        && ends(rule, state, Double.NaN, pass)) {
                    unseen.remove();
                }
            }
            noData.raise(rule, alerts, pass, (noDataRule, key) -> newAlert(noDataRule, key, Double.NaN, pass));
        }
        states.endRulesOtherThan(ruleByName.keySet(), pass);
        return pass;
    }

    /**
     * The function of each series in the rule's window; a series whose window cannot decide yet counts as seen, and
     * its alert keeps its state.
     */
    private List<Sample> windowed(AlertRule rule, Map<Map<String, String>, AlertState> alerts, EvaluationPass pass) {
        WindowReading reading = windows.read(rule, pass.at);
        for (Sample sample : reading.undecided()) {
            AlertState state = alerts.get(sample.labels());
            if (state != null) {
                state.lastSeenPass = pass.number;
            }
            noData.seen(rule, sample.labels(), alerts, pass);
        }
        return reading.values();
    }

    private void evaluate(
            AlertRule rule, Map<Map<String, String>, AlertState> alerts, Sample sample, EvaluationPass pass) {
        AlertState state = alerts.get(sample.labels());
        // A firing alert with a recovery threshold holds until the value crosses that instead (hysteresis).
        boolean holds = rule.holds(sample.value(), state != null && state.phase instanceof Firing);
        if (state == null) {
            if (holds) {
                start(rule, alerts, sample, pass);
            }
            return;
        }
        state.lastSeenPass = pass.number;
        state.restoredAt = Optional.empty();
        state.adopt(rule);
        if (!holds) {
            if (ends(rule, state, sample.value(), pass)) {
                alerts.remove(sample.labels());
            }
            return;
        }
        state.value = sample.value();
        state.lastHeld = pass.at;
        if (state.phase instanceof Pending pending
                && !pass.at.isBefore(pending.since().plus(rule.forDuration()))) {
            pass.fire(state);
        }
    }

    private void start(
            AlertRule rule, Map<Map<String, String>, AlertState> alerts, Sample sample, EvaluationPass pass) {
        AlertState state = newAlert(rule, sample.labels(), sample.value(), pass);
        alerts.put(sample.labels(), state);
        if (rule.forDuration().isZero()) {
            pass.fire(state);
        } else {
            pass.changed(state);
        }
    }

    private AlertState newAlert(AlertRule rule, Map<String, String> series, double value, EvaluationPass pass) {
        Map<String, String> labels = alertLabels(series, rule);
        AlertState state =
                new AlertState(AlertFingerprint.of(rule.name(), labels), rule, series, labels, pass.at, value);
        state.lastSeenPass = pass.number;
        mark(state, pass.at);
        return state;
    }

    /**
     * Whether an alert whose series was not seen this pass keeps its state: one restored a moment ago, or one the
     * rule's {@code no_data} keeps.
     */
    private boolean keptWhileAbsent(AlertRule rule, AlertState state, SilentSeries silent, EvaluationPass pass) {
        if (state.restoredAt.isPresent()
                && (pass.at.isBefore(state.restoredAt.get().plus(RESTORE_GRACE))
                        || !silent.neverHeard().isEmpty())) {
            // Restored, and its series may simply not be back yet (a pushing bot must push again), or may belong to
            // a component still silent since the start.
            return true;
        }
        return noData.keeps(rule, state, pass);
    }

    /** Whether the alert's series is one a silent component last reported. */
    private static boolean withheld(Map<String, List<Sample>> withheld, AlertRule rule, AlertState state) {
        for (Sample sample : withheld.getOrDefault(rule.metricName(), List.of())) {
            if (sample.labels().equals(state.seriesLabels)) {
                return true;
            }
        }
        return false;
    }

    /** The condition does not hold, or the series is gone: returns true when the alert's state ends. */
    private static boolean ends(AlertRule rule, AlertState state, double value, EvaluationPass pass) {
        if (state.phase instanceof Firing) {
            if (Duration.between(state.lastHeld, pass.at).compareTo(rule.keepFiringFor()) < 0) {
                return false; // keep_firing_for holds it through a short dip
            }
            if (!Double.isNaN(value)) {
                state.value = value;
            }
        }
        pass.end(state);
        return true;
    }

    /** Notes which silences hold the alert back at {@code now}. */
    void mark(AlertState state, Instant now) {
        state.silencedBy = silencer.matching(state.ruleName, state.labels, now);
    }

    private Map<String, String> alertLabels(Map<String, String> seriesLabels, AlertRule rule) {
        if (rule.labels().isEmpty() && agentLabels.isEmpty()) {
            return seriesLabels;
        }
        Map<String, String> merged = new TreeMap<>(agentLabels);
        merged.putAll(seriesLabels);
        merged.putAll(rule.labels());
        return Labels.of(merged, "label");
    }

    private static Map<String, List<Sample>> index(List<Sample> samples) {
        Map<String, List<Sample>> byName = new HashMap<>();
        for (Sample sample : samples) {
            byName.computeIfAbsent(sample.name(), name -> new ArrayList<>()).add(sample);
        }
        return byName;
    }
}
