package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.port.driving.NotificationAdmin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    void dead(Context ctx) {
        ctx.json(admin.deadLetters(1_000).stream()
                .map(NotificationsHandler::view)
                .toList());
    }

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
        view.put(
                "alerts",
                entry.notification().alerts().stream().map(AlertsHandler::view).toList());
        view.put("created_at", JsonViews.epochSeconds(entry.createdAt()));
        return view;
    }
}
