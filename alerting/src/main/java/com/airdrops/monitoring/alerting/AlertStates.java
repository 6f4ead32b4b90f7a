package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.Firing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The pending and firing alerts, by rule and by the labels of their series. Not thread-safe; the Alerter's own. */
final class AlertStates {
    private final Map<String, Map<Map<String, String>, AlertState>> byRule = new HashMap<>();

    /** The alerts of one rule, by series labels; changes to the map change the table. */
    Map<Map<String, String>, AlertState> of(String ruleName) {
        return byRule.computeIfAbsent(ruleName, name -> new HashMap<>());
    }

    void put(AlertState state) {
        of(state.ruleName).put(state.seriesLabels, state);
    }

    void clear() {
        byRule.clear();
    }

    void forEach(Consumer<AlertState> action) {
        byRule.values().forEach(byLabels -> byLabels.values().forEach(action));
    }

    /**
     * The alert named by its whole fingerprint, or by the first {@code minPrefix} characters or more of one (as a
     * webhook's body shows it); empty when none matches, or more than one.
     */
    Optional<AlertState> byFingerprint(String fingerprint, int minPrefix) {
        List<AlertState> found = new ArrayList<>();
        forEach(candidate -> {
            if (candidate.fingerprint.equals(fingerprint)
                    || (fingerprint.length() >= minPrefix && candidate.fingerprint.startsWith(fingerprint))) {
                found.add(candidate);
            }
        });
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** The alerts of rules that are no longer loaded end in {@code pass}. */
    void endRulesOtherThan(Set<String> ruleNames, EvaluationPass pass) {
        Iterator<Map.Entry<String, Map<Map<String, String>, AlertState>>> rules =
                byRule.entrySet().iterator();
        while (rules.hasNext()) {
            Map.Entry<String, Map<Map<String, String>, AlertState>> rule = rules.next();
            if (!ruleNames.contains(rule.getKey())) {
                rule.getValue().values().forEach(pass::end);
                rules.remove();
            }
        }
    }

    /** Firing alerts that did not change in {@code pass}: candidates for a repeat notification. */
    List<Alert> stillFiring(EvaluationPass pass) {
        List<Alert> firing = new ArrayList<>();
        forEach(state -> {
            if (state.phase instanceof Firing && !pass.upserts.containsKey(state.fingerprint)) {
                firing.add(state.alert(pass.at));
            }
        });
        return firing;
    }

    /** Every alert as it stands at {@code now}. */
    List<Alert> alerts(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        forEach(state -> alerts.add(state.alert(now)));
        return List.copyOf(alerts);
    }
}
