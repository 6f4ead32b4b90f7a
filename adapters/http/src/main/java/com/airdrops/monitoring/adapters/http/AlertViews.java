package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.Alert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The API's JSON view of an alert, as every endpoint that answers with alerts shows it. */
final class AlertViews {
    private AlertViews() {}

    static Map<String, Object> alert(Alert alert) {
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
                alert.marks().acknowledgement().map(AlertViews::acknowledgement).orElse(null));
        return view;
    }

    private static Map<String, Object> acknowledgement(Acknowledgement ack) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by", ack.by());
        view.put("comment", ack.comment());
        view.put("at", JsonViews.epochSeconds(ack.at()));
        view.put("until", seconds(ack.until()));
        return view;
    }

    static Object seconds(Optional<Instant> instant) {
        return instant.map(JsonViews::epochSeconds).orElse(null);
    }
}
