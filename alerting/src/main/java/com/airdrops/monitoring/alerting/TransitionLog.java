package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per transition, as an operator reads it: {@code Alert tasks_failing {status=failed} FIRING value=3.0
 * (increase over 10m) threshold=2.0 severity=high}; the window part only for a rule with a function.
 */
final class TransitionLog {
    private static final Logger LOG = LoggerFactory.getLogger(Alerter.class);

    private TransitionLog() {}

    static void log(List<Alert> transitions, List<AlertRule> rules) {
        for (Alert transition : transitions) {
            String window = rules.stream()
                    .filter(rule -> rule.name().equals(transition.ruleName()))
                    .findFirst()
                    .flatMap(AlertRule::window)
                    .map(w -> " (" + w.function().wireName() + " over " + w.overText() + ")")
                    .orElse("");
            LOG.info(
                    "Alert {} {} {} value={}{} threshold={} severity={}",
                    transition.ruleName(),
                    transition.labels(),
                    transition.status().wireName().toUpperCase(Locale.ROOT),
                    transition.currentValue(),
                    window,
                    transition.threshold(),
                    transition.severity().wireName());
        }
    }
}
