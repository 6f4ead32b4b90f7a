package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.notification.DeadLetterPage;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.port.driving.NotificationAdmin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Channels with secrets shown as "***", dead letters, and replaying one (bearer token). */
final class NotificationsHandler {
    private final NotificationAdmin admin;
    private final BearerToken token;

    NotificationsHandler(NotificationAdmin admin, BearerToken token) {
        this.admin = admin;
        this.token = token;
    }

    void channels(Context ctx) {
        ctx.json(admin.channels().stream()
                .map(channel -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("name", channel.name());
                    view.put("type", channel.type());
                    view.put("enabled", channel.enabled());
                    view.put(
                            "severities",
                            channel.severities().stream()
                                    .sorted()
                                    .map(AlertSeverity::wireName)
                                    .toList());
                    view.put("config", channel.config());
                    return view;
                })
                .toList());
    }

    /**
     * {@code GET /api/v1/notifications/dead?limit=}: the newest dead letters, 100 unless {@code limit} says otherwise
     * (at most 1,000), each with at most {@value #MAX_ALERTS_SHOWN} of its alerts: a folded notification may carry
     * hundreds, and the answer must stay small enough to be read every few seconds.
     */
    void dead(Context ctx) {
        QueryParameters parameters = new QueryParameters(ctx);
        int limit = parameters.integer("limit", 1, MAX_DEAD_LETTERS).orElse(DEFAULT_DEAD_LETTERS);
        Optional<Long> before =
                parameters.integer("cursor", 1, Integer.MAX_VALUE).map(Integer::longValue);
        LargeAnswers.json(ctx, () -> {
            DeadLetterPage page = admin.deadLetters(before, limit);
            page.next().ifPresent(next -> Pages.cut(ctx, "cursor", String.valueOf(next)));
            return page.entries().stream().map(NotificationsHandler::view).toList();
        });
    }

    static final int DEFAULT_DEAD_LETTERS = 100;
    static final int MAX_DEAD_LETTERS = 1_000;
    static final int MAX_ALERTS_SHOWN = 20;

    void replay(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(
                    400, "path parameter 'id'='" + ctx.pathParam("id") + "' is invalid: expected a whole number");
        }
        OutboxEntry entry = admin.replay(id).orElseThrow(() -> new ApiException(404, "no dead letter with id " + id));
        ctx.status(202).json(view(entry));
    }

    private static Map<String, Object> view(OutboxEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("event_id", entry.notification().eventId());
        view.put("channel", entry.notification().channel());
        view.put("status", entry.status().name().toLowerCase(Locale.ROOT));
        view.put("attempts", entry.attempts());
        view.put("last_error", entry.lastError().orElse(null));
        view.put("alert_count", entry.notification().alerts().size());
        view.put(
                "alerts",
                entry.notification().alerts().stream()
                        .limit(MAX_ALERTS_SHOWN)
                        .map(AlertViews::alert)
                        .toList());
        view.put("created_at", JsonViews.epochSeconds(entry.createdAt()));
        return view;
    }
}
