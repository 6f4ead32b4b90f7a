package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The active alerts and the quarantined records, each list paged and bounded. */
final class AlertsHandler {
    private final AlertQueries alerts;

    AlertsHandler(AlertQueries alerts) {
        this.alerts = alerts;
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
                        AlertViews::alert));
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
}
