package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.WindowFill;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader.ReloadOutcome;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Active alerts, alert history, loaded rules, the reload of the configuration files, and acknowledging an alert (with
 * the bearer token, or through a signed link).
 */
final class AlertsHandler {
    static final int MAX_HISTORY_HOURS = 24 * 366;

    private final AlertQueries alerts;
    private final ConfigReloader reloader;
    private final BearerToken token;
    private final InstantSource clock;

    AlertsHandler(AlertQueries alerts, ConfigReloader reloader, BearerToken token, InstantSource clock) {
        this.alerts = alerts;
        this.reloader = reloader;
        this.token = token;
        this.clock = clock;
    }

    /**
     * {@code GET /api/v1/alerts?limit=&cursor=}: at most {@code limit} alerts (default and most 10,000), and no more
     * once about {@value #TEXT_BUDGET} characters of descriptions, summaries and labels are taken (always one); when
     * more follow, the answer says so and {@code cursor} continues.
     */
    void active(Context ctx) {
        LargeAnswers.json(
                ctx,
                () -> Pages.of(
                        ctx,
                        alerts.getActiveAlerts(),
                        MAX_LISTED,
                        TEXT_BUDGET,
                        AlertsHandler::size,
                        AlertsHandler::view));
    }

    /** What an alert holds in text: what the list's budget counts. */
    private static long size(Alert alert) {
        long size = 300 + alert.description().length() + alert.summary().length();
        for (Map.Entry<String, String> label : alert.labels().entrySet()) {
            size += label.getKey().length() + label.getValue().length() + 6;
        }
        return size;
    }

    static final long TEXT_BUDGET = 2_000_000;
    static final int MAX_LISTED = 10_000;

    void history(Context ctx) {
        String raw = ctx.queryParam("hours");
        double hours = 24;
        if (raw != null && !raw.isBlank()) {
            try {
                hours = Double.parseDouble(raw.trim());
            } catch (NumberFormatException e) {
                hours = Double.NaN;
            }
            if (!(hours > 0 && hours <= MAX_HISTORY_HOURS)) {
                throw QueryParameters.bad(
                        "hours", raw, "a number of hours greater than 0 and at most " + MAX_HISTORY_HOURS);
            }
        }
        // instance: absent for this agent, * for every agent sharing the database, or one agent's name.
        String instance = ctx.queryParam("instance");
        if (instance != null && instance.length() > 255) {
            throw QueryParameters.bad(
                    "instance", instance, "an agent's MONITORING_INSTANCE (at most 255 characters) or *");
        }
        int limit =
                new QueryParameters(ctx).integer("limit", 1, MAX_HISTORY_ROWS).orElse(DEFAULT_HISTORY_ROWS);
        Optional<HistoryPage.Cursor> after = Optional.ofNullable(ctx.queryParam("cursor"))
                .map(cursor -> {
                    try {
                        return HistoryPage.Cursor.parse(cursor);
                    } catch (IllegalArgumentException e) {
                        throw QueryParameters.bad("cursor", cursor, "the X-Next-Cursor of an earlier page");
                    }
                });
        InstanceScope scope = InstanceScope.parse(instance);
        double within = hours;
        LargeAnswers.json(ctx, () -> {
            HistoryPage page = alerts.getAlertHistory(within, scope, after, limit);
            page.next().ifPresent(next -> Pages.cut(ctx, "cursor", next.toString()));
            return page.transitions().stream().map(AlertsHandler::view).toList();
        });
    }

    static final int DEFAULT_HISTORY_ROWS = 1_000;
    static final int MAX_HISTORY_ROWS = 10_000;

    /** {@code GET /api/v1/alerts/quarantine}: paged and bounded like the active alerts. */
    void quarantine(Context ctx) {
        LargeAnswers.json(
                ctx,
                () -> Pages.of(
                        ctx,
                        alerts.quarantined(),
                        MAX_LISTED,
                        TEXT_BUDGET,
                        record -> 200
                                + record.reason().length()
                                + record.ruleName().length(),
                        record -> {
                            Map<String, Object> view = new LinkedHashMap<>();
                            view.put("kind", record.kind());
                            view.put("rule_name", record.ruleName());
                            view.put("fingerprint", record.fingerprint());
                            view.put("reason", record.reason());
                            view.put("at", JsonViews.epochSeconds(record.at()));
                            return view;
                        }));
    }

    void rules(Context ctx) {
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

    void reload(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        switch (reloader.reload()) {
            case ReloadOutcome.Reloaded reloaded -> ctx.json(new Reloaded("reloaded", reloaded.summary()));
            case ReloadOutcome.Rejected rejected -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", "configuration rejected; the running configuration is unchanged");
                body.put("status", 400);
                body.put("path", ctx.path());
                body.put("problems", rejected.problems());
                ctx.status(400).json(body);
            }
        }
    }

    static Map<String, Object> view(Alert alert) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("fingerprint", alert.fingerprint());
        view.put("rule_name", alert.ruleName());
        view.put("metric_name", alert.metricName());
        view.put("current_value", JsonViews.number(alert.currentValue()));
        view.put("threshold", alert.threshold());
        view.put("severity", alert.severity().wireName());
        view.put("status", alert.status().wireName());
        view.put("summary", alert.summary());
        view.put("description", alert.description());
        view.put("timestamp", JsonViews.epochSeconds(alert.timestamp()));
        view.put("labels", alert.labels());
        view.put("pending_since", seconds(alert.pendingSince()));
        view.put("firing_since", seconds(alert.firingSince()));
        view.put("resolved_at", seconds(alert.resolvedAt()));
        view.put("event", alert.event().wireName());
        view.put("silenced_by", alert.marks().silencedBy());
        view.put(
                "acknowledgement",
                alert.marks().acknowledgement().map(AlertsHandler::view).orElse(null));
        return view;
    }

    private static Map<String, Object> view(Acknowledgement ack) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by", ack.by());
        view.put("comment", ack.comment());
        view.put("at", JsonViews.epochSeconds(ack.at()));
        view.put("until", seconds(ack.until()));
        return view;
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

    private static Object seconds(Optional<Instant> instant) {
        return instant.map(JsonViews::epochSeconds).orElse(null);
    }

    /** The answer to a successful reload, in this field order. */
    record Reloaded(String status, String loaded) {}
}
