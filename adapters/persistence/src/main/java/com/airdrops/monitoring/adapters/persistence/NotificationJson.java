package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertEvent;
import com.airdrops.monitoring.domain.model.alert.AlertMarks;
import com.airdrops.monitoring.domain.model.alert.AlertPhase;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alerts of an outbox row as JSON; times in epoch milliseconds, NaN as null. */
final class NotificationJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> TYPE = new TypeReference<>() {};

    private NotificationJson() {}

    static String write(List<Alert> alerts) {
        List<Map<String, Object>> rows =
                alerts.stream().map(NotificationJson::row).toList();
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Alert> read(String json) {
        try {
            return JSON.readValue(json, TYPE).stream()
                    .map(NotificationJson::alert)
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt notification payload in the database", e);
        }
    }

    private static Map<String, Object> row(Alert alert) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rule_name", alert.ruleName());
        row.put("metric_name", alert.metricName());
        row.put("current_value", Double.isFinite(alert.currentValue()) ? alert.currentValue() : null);
        row.put("threshold", alert.threshold());
        row.put("severity", alert.severity().name());
        row.put("status", alert.status().name());
        row.put("description", alert.description());
        row.put("timestamp", alert.timestamp().toEpochMilli());
        row.put("labels", alert.labels());
        row.put("pending_since", alert.pendingSince().map(Instant::toEpochMilli).orElse(null));
        row.put("firing_since", alert.firingSince().map(Instant::toEpochMilli).orElse(null));
        row.put("resolved_at", alert.resolvedAt().map(Instant::toEpochMilli).orElse(null));
        row.put("summary", alert.summary());
        row.put("ack_link", alert.marks().ackLink().orElse(null));
        row.put("page_link", alert.marks().pageLink().orElse(null));
        row.put("event", alert.event().name());
        return row;
    }

    @SuppressWarnings("unchecked")
    private static Alert alert(Map<String, Object> row) {
        Object value = row.get("current_value");
        Instant timestamp = Instant.ofEpochMilli(((Number) row.get("timestamp")).longValue());
        AlertPhase phase = AlertPhases.of(
                AlertStatus.valueOf((String) row.get("status")),
                timestamp,
                instant(row.get("pending_since")),
                instant(row.get("firing_since")),
                instant(row.get("resolved_at")));
        return new Alert(
                (String) row.get("rule_name"),
                (String) row.get("metric_name"),
                value == null ? Double.NaN : ((Number) value).doubleValue(),
                ((Number) row.get("threshold")).doubleValue(),
                AlertSeverity.valueOf((String) row.get("severity")),
                phase,
                (String) row.get("description"),
                timestamp,
                (Map<String, String>) row.get("labels"),
                (String) row.get("summary"),
                new AlertMarks(
                        List.of(),
                        Optional.empty(),
                        Optional.ofNullable((String) row.get("ack_link")),
                        Optional.ofNullable((String) row.get("page_link"))),
                // Rows written before acknowledgements were sent carry no event: they were transitions.
                row.get("event") == null ? AlertEvent.TRANSITION : AlertEvent.valueOf((String) row.get("event")));
    }

    private static Optional<Instant> instant(Object millis) {
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(((Number) millis).longValue()));
    }
}
