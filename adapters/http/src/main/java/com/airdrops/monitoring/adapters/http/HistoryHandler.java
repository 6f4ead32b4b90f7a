package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code GET /api/v1/alerts/history}: the transitions of the last hours, of this agent or others, in pages. */
final class HistoryHandler {
    static final int MAX_HISTORY_HOURS = 24 * 366;

    private final AlertQueries alerts;

    HistoryHandler(AlertQueries alerts) {
        this.alerts = alerts;
    }

    void handle(Context ctx) {
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
        Optional<HistoryCursor> after = Optional.ofNullable(ctx.queryParam("cursor"))
                .map(cursor -> {
                    try {
                        return HistoryCursor.parse(cursor);
                    } catch (IllegalArgumentException e) {
                        throw QueryParameters.bad("cursor", cursor, "the X-Next-Cursor of an earlier page");
                    }
                });
        InstanceScope scope = InstanceScope.parse(instance);
        double within = hours;
        LargeAnswers.json(ctx, () -> {
            HistoryPage page = alerts.getAlertHistory(within, scope, after, limit);
            page.next().ifPresent(next -> Pages.cut(ctx, "cursor", next.toString()));
            return page.transitions().stream().map(AlertViews::alert).toList();
        });
    }

    static final int DEFAULT_HISTORY_ROWS = 1_000;
    static final int MAX_HISTORY_ROWS = 10_000;
}
