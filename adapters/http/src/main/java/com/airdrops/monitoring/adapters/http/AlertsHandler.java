package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.port.driven.AckLinks;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger.AckOutcome;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader.ReloadOutcome;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Active alerts, alert history, loaded rules, the reload of the configuration files, and acknowledging an alert (with
 * the bearer token, or through a signed link).
 */
final class AlertsHandler {
    static final int MAX_HISTORY_HOURS = 24 * 366;
    static final Set<String> ACK_FIELDS = Set.of("by", "comment", "until");
    /** Who acknowledged through a signed link. */
    static final String SIGNED_LINK = "signed-link";

    private final AlertQueries alerts;
    private final ConfigReloader reloader;
    private final BearerToken token;
    private final AlertAcknowledger acknowledger;
    private final Optional<AckLinks> ackLinks;
    private final RequestBodyReader bodies;
    private final InstantSource clock;

    AlertsHandler(
            AlertQueries alerts,
            ConfigReloader reloader,
            BearerToken token,
            AlertAcknowledger acknowledger,
            Optional<AckLinks> ackLinks,
            RequestBodyReader bodies,
            InstantSource clock) {
        this.alerts = alerts;
        this.reloader = reloader;
        this.token = token;
        this.acknowledger = acknowledger;
        this.ackLinks = ackLinks;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** {@code POST /api/v1/alerts/{fingerprint}/ack} with the token; the body ({@code by, comment, until}) is optional. */
    void acknowledge(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        ctx.future(() -> bodies.read(ctx).thenAccept(body -> {
            Map<String, ?> json = body.length == 0 ? Map.of() : JsonBodies.parseObject(body);
            JsonBodies.allowOnly(json, ACK_FIELDS);
            String by = SilencesHandler.text(json, "by", false);
            Optional<Instant> until = SilencesHandler.time(json, "until");
            if (until.isPresent() && !until.get().isAfter(clock.instant())) {
                throw new ApiException(400, "'until' must be in the future");
            }
            AckOutcome outcome;
            try {
                outcome = acknowledger.acknowledge(
                        ctx.pathParam("fingerprint"),
                        by.isBlank() ? "api" : by,
                        SilencesHandler.text(json, "comment", false),
                        until);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid acknowledgement: " + e.getMessage());
            }
            answer(ctx, outcome);
        }));
    }

    /**
     * {@code GET /api/v1/alerts/{fingerprint}/ack?expires=..&sig=..}: a signed link acknowledges without a token. A
     * link whose signature does not match is refused (403), an expired one too (410); a second use finds the alert
     * already acknowledged (409).
     */
    /** GET of a signed link: acknowledges the alert in the firing episode the link was made for. */
    void acknowledgeByLink(Context ctx) {
        Instant firingSince = verifiedLink(ctx);
        answer(ctx, acknowledger.acknowledgeEpisode(ctx.pathParam("fingerprint"), firingSince, SIGNED_LINK));
    }

    /**
     * HEAD of a signed link: the status a GET would answer, without acknowledging anything (a link checker or a
     * preview must not act on the alert).
     */
    void checkLink(Context ctx) {
        Instant firingSince = verifiedLink(ctx);
        String fingerprint = ctx.pathParam("fingerprint");
        Optional<Alert> alert = alerts.getActiveAlerts().stream()
                .filter(active -> active.fingerprint().equals(fingerprint))
                .findFirst();
        if (alert.isEmpty()) {
            answer(ctx, new AckOutcome.NotActive(fingerprint));
        } else if (!alert.get()
                .firingSince()
                .map(since -> since.toEpochMilli() == firingSince.toEpochMilli())
                .orElse(false)) {
            answer(ctx, new AckOutcome.OtherEpisode(fingerprint));
        } else if (alert.get()
                .marks()
                .acknowledgement()
                .filter(ack -> ack.holdsAt(clock.instant()))
                .isPresent()) {
            answer(
                    ctx,
                    new AckOutcome.AlreadyAcknowledged(
                            alert.get().marks().acknowledgement().get()));
        } else {
            ctx.status(200);
        }
    }

    /** The firing instant a link was made for, once its signature and expiry hold; throws the refusal otherwise. */
    private Instant verifiedLink(Context ctx) {
        AckLinks links = ackLinks.orElseThrow(() ->
                new ApiException(404, "ack links are not enabled on this agent (MONITORING_ACK_SECRET is unset)"));
        String since = ctx.queryParam("since");
        switch (links.verify(
                ctx.pathParam("fingerprint"),
                since,
                ctx.queryParam("expires"),
                ctx.queryParam("sig"),
                clock.instant())) {
            case TAMPERED -> throw new ApiException(403, "invalid ack link: the signature does not match");
            case EXPIRED -> throw new ApiException(410, "this ack link has expired; acknowledge with the API token");
            case VALID -> {
                return Instant.ofEpochMilli(Long.parseLong(since));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static void answer(Context ctx, AckOutcome outcome) {
        switch (outcome) {
            case AckOutcome.Acknowledged acknowledged -> ctx.json(view(acknowledged.alert()));
            case AckOutcome.NotActive notActive ->
                throw new ApiException(
                        404,
                        "no pending or firing alert with fingerprint '" + shortened(notActive.fingerprint())
                                + "' on this agent: it may have resolved, or this agent is a standby");
            case AckOutcome.AlreadyAcknowledged already ->
                throw new ApiException(
                        409,
                        "already acknowledged by " + already.acknowledgement().by() + " at "
                                + already.acknowledgement().at());
            case AckOutcome.OtherEpisode other ->
                throw new ApiException(
                        409,
                        "this ack link is for an earlier firing episode of the alert, which resolved: it acknowledges "
                                + "nothing now; use the link of the latest notification or the API token");
        }
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    void active(Context ctx) {
        ctx.json(alerts.getActiveAlerts().stream().map(AlertsHandler::view).toList());
    }

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
        ctx.json(alerts.getAlertHistory(hours, InstanceScope.parse(instance)).stream()
                .map(AlertsHandler::view)
                .toList());
    }

    void quarantine(Context ctx) {
        ctx.json(alerts.quarantined().stream()
                .map(record -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("kind", record.kind());
                    view.put("rule_name", record.ruleName());
                    view.put("fingerprint", record.fingerprint());
                    view.put("reason", record.reason());
                    view.put("at", JsonViews.epochSeconds(record.at()));
                    return view;
                })
                .toList());
    }

    void rules(Context ctx) {
        ctx.json(alerts.rules().stream().map(AlertsHandler::view).toList());
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
