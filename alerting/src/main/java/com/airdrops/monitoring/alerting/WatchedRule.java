package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.RuleWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

final class WatchedRule {
    AlertRule rule;
    final RuleWindow window;
    final Instant since;
    final Map<Map<String, String>, SeriesWindow> series = new HashMap<>();
    long refused;
    /** Series that had fewer samples than the function needs over a whole window, at the last read. */
    int sparse;

    boolean sparseTold;

    WatchedRule(AlertRule rule, Instant since) {
        this.rule = rule;
        this.window = rule.window().orElseThrow();
        this.since = since;
    }

    /** Whether {@code other} watches the same series the same way: its samples carry over. */
    boolean same(AlertRule other) {
        return other.window().equals(rule.window())
                && other.metricName().equals(rule.metricName())
                && Objects.equals(other.matchers(), rule.matchers());
    }
}
