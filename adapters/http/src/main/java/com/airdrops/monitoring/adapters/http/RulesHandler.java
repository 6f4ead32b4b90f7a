package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.WindowFill;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/rules}: the loaded rules, each with how far its window has filled. */
final class RulesHandler {
    private final AlertQueries alerts;
    private final InstantSource clock;

    RulesHandler(AlertQueries alerts, InstantSource clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    void handle(Context ctx) {
        Map<String, WindowFill> fills = alerts.windowFills();
        Instant now = clock.instant();
        ctx.json(alerts.rules().stream()
                .map(rule -> {
                    Map<String, Object> view = view(rule);
                    view.put("window", window(fills.get(rule.name()), now));
                    return view;
                })
                .toList());
    }

    /** How far a rule's window has filled: before then, it decides only what more samples could not undo. */
    private static Object window(WindowFill fill, Instant now) {
        if (fill == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("filled", fill.filled(now));
        view.put("since", JsonViews.epochSeconds(fill.since()));
        view.put("filled_at", JsonViews.epochSeconds(fill.filledAt()));
        view.put("series", fill.series());
        view.put("refused_samples", fill.refused());
        view.put("sparse_series", fill.sparse());
        return view;
    }

    static Map<String, Object> view(AlertRule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", rule.name());
        view.put("metric_name", rule.metricName());
        view.put("condition", rule.condition().wireName());
        view.put("threshold", rule.threshold());
        view.put("severity", rule.severity().wireName());
        view.put("summary", rule.summary());
        view.put("description", rule.description());
        view.put("for_duration", rule.forDuration().toMillis() / 1000.0);
        view.put("keep_firing_for", rule.keepFiringFor().toMillis() / 1000.0);
        view.put("function", rule.window().map(w -> w.function().wireName()).orElse(null));
        view.put("over", rule.window().map(w -> w.over().toMillis() / 1000.0).orElse(null));
        view.put("labels", rule.labels());
        Map<String, String> matchers = new LinkedHashMap<>();
        rule.matchers().forEach(matcher -> matchers.put(matcher.label(), matcher.written()));
        view.put("matchers", matchers);
        view.put(
                "recovery_threshold",
                rule.recoveryThreshold().isPresent() ? rule.recoveryThreshold().getAsDouble() : null);
        view.put(
                "no_data",
                rule.noData()
                        .map(noData -> Map.of(
                                "after_seconds",
                                noData.after().toMillis() / 1000.0,
                                "state",
                                noData.state().wireName()))
                        .orElse(null));
        return view;
    }
}
