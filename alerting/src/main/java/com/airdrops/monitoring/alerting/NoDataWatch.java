package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.NoData;
import com.airdrops.monitoring.domain.model.alert.NoDataState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * What a rule's {@code no_data} needs: when each watched series was last seen and since when the rule is watched, to
 * keep an absent series' alert for a while or for good, and to raise a distinct alert for each series (or the metric)
 * absent too long. Not thread-safe; the rule evaluator's own.
 */
final class NoDataWatch {
    private final Map<String, Map<Map<String, String>, Instant>> seen = new HashMap<>();
    private final Map<String, Instant> ruleSince = new HashMap<>();

    void clear() {
        seen.clear();
        ruleSince.clear();
    }

    /** Starts watching {@code rule} at {@code at} unless it is watched already. */
    void watch(AlertRule rule, Instant at) {
        ruleSince.putIfAbsent(rule.name(), at);
        seen.computeIfAbsent(rule.name(), name -> new HashMap<>());
    }

    /** A watched series came in {@code pass}: its no-data alert, and the metric's, end. */
    void seen(
            AlertRule rule,
            Map<String, String> series,
            Map<Map<String, String>, AlertState> alerts,
            EvaluationPass pass) {
        if (rule.noData().isEmpty()) {
            return;
        }
        seen.get(rule.name()).put(series, pass.at);
        end(alerts, series, pass);
        end(alerts, Map.of(), pass); // the metric itself has come
    }

    /**
     * Whether an alert whose series was not seen in {@code pass} keeps its state by the rule's {@code no_data}: a
     * no-data alert (it ends when its series returns), or one kept ({@code keep_last}) or not yet absent long enough.
     */
    boolean keeps(AlertRule rule, AlertState state, EvaluationPass pass) {
        if (rule.noData().isEmpty()) {
            return false;
        }
        NoData noData = rule.noData().get();
        if (isNoData(state)) {
            return noData.state() == NoDataState.FIRING;
        }
        Instant last = seen.get(rule.name()).getOrDefault(state.seriesLabels, ruleSince.get(rule.name()));
        boolean longAbsent = !pass.at.isBefore(last.plus(noData.after()));
        return noData.state() == NoDataState.KEEP_LAST || !longAbsent;
    }

    /**
     * With {@code no_data: firing}: fires a distinct alert for each watched series (or the metric) absent too long,
     * made by {@code newAlert} from the series' no-data labels.
     */
    void raise(
            AlertRule rule,
            Map<Map<String, String>, AlertState> alerts,
            EvaluationPass pass,
            BiFunction<AlertRule, Map<String, String>, AlertState> newAlert) {
        if (rule.noData().isEmpty() || rule.noData().get().state() != NoDataState.FIRING) {
            return;
        }
        Duration after = rule.noData().get().after();
        Map<Map<String, String>, Instant> lastSeen = seen.get(rule.name());
        Map<Map<String, String>, Instant> absent = new HashMap<>();
        lastSeen.forEach((series, at) -> {
            if (!pass.at.isBefore(at.plus(after))) {
                absent.put(series, at);
            }
        });
        Instant watchedSince = ruleSince.get(rule.name());
        if (lastSeen.isEmpty() && !pass.at.isBefore(watchedSince.plus(after))) {
            absent.put(Map.of(), watchedSince); // nothing of the metric ever came
        }
        for (Map<String, String> series : absent.keySet()) {
            Map<String, String> key = key(series);
            if (!alerts.containsKey(key)) {
                AlertState state = newAlert.apply(rule, key);
                alerts.put(key, state);
                pass.fire(state);
            }
        }
    }

    /** The series is back: its no-data alert resolves. */
    private static void end(
            Map<Map<String, String>, AlertState> alerts, Map<String, String> series, EvaluationPass pass) {
        AlertState state = alerts.remove(key(series));
        if (state != null) {
            pass.end(state);
        }
    }

    private static Map<String, String> key(Map<String, String> series) {
        Map<String, String> key = new TreeMap<>(series);
        key.put(NoData.REASON_LABEL, NoData.REASON);
        return Map.copyOf(key);
    }

    private static boolean isNoData(AlertState state) {
        return NoData.REASON.equals(state.seriesLabels.get(NoData.REASON_LABEL));
    }
}
