package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertFingerprint;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alerts in Alertmanager's shapes: the webhook payload (version 4) that existing receivers understand, and the
 * alert objects of Alertmanager's API v2.
 */
final class AlertmanagerFormat {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private AlertmanagerFormat() {}

    /** {@code alertname} and {@code severity} first, then the alert's own labels. */
    static Map<String, String> labels(Alert alert) {
        Map<String, String> labels = new TreeMap<>(alert.labels());
        labels.put("alertname", alert.ruleName());
        labels.put("severity", alert.severity().wireName());
        return labels;
    }

    static Map<String, String> annotations(Alert alert) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("description", alert.description());
        annotations.put("metric_name", alert.metricName());
        annotations.put("value", String.valueOf(alert.currentValue()));
        annotations.put("threshold", String.valueOf(alert.threshold()));
        if (!alert.summary().isEmpty()) {
            annotations.put("summary", alert.summary());
        }
        alert.marks().ackLink().ifPresent(link -> annotations.put("ack_url", link));
        return annotations;
    }

    static Instant startsAt(Alert alert) {
        return alert.firingSince().orElse(alert.timestamp());
    }

    static byte[] webhookBody(Notification notification, String receiver) {
        List<Map<String, Object>> alerts = notification.alerts().stream()
                .map(alert -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("status", alert.status() == AlertStatus.RESOLVED ? "resolved" : "firing");
                    item.put("labels", labels(alert));
                    item.put("annotations", annotations(alert));
                    item.put("startsAt", startsAt(alert).toString());
                    item.put("endsAt", alert.resolvedAt().map(Instant::toString).orElse(ZERO_TIME));
                    item.put("generatorURL", alert.marks().pageLink().orElse(""));
                    item.put(
                            "fingerprint",
                            AlertFingerprint.of(alert.ruleName(), alert.labels())
                                    .substring(0, 16));
                    return item;
                })
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "4");
        body.put("groupKey", receiver + ":" + notification.eventId());
        body.put("truncatedAlerts", 0);
        body.put("status", notification.groupStatus() == AlertStatus.RESOLVED ? "resolved" : "firing");
        body.put("receiver", receiver);
        body.put("groupLabels", Map.of());
        body.put("commonLabels", common(alerts, "labels"));
        body.put("commonAnnotations", common(alerts, "annotations"));
        body.put(
                "externalURL",
                notification.alerts().getFirst().marks().pageLink().orElse(""));
        body.put("alerts", alerts);
        if (notification.isDigest()) {
            body.put("foldedMessages", notification.foldedMessages());
        }
        return bytes(body);
    }

    static byte[] apiV2Body(Notification notification) {
        List<Map<String, Object>> alerts = notification.alerts().stream()
                .map(alert -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("labels", labels(alert));
                    item.put("annotations", annotations(alert));
                    item.put("startsAt", startsAt(alert).toString());
                    alert.resolvedAt().ifPresent(resolved -> item.put("endsAt", resolved.toString()));
                    item.put("generatorURL", alert.marks().pageLink().orElse(""));
                    return item;
                })
                .toList();
        return bytes(alerts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> common(List<Map<String, Object>> alerts, String field) {
        Map<String, String> common =
                new TreeMap<>((Map<String, String>) alerts.getFirst().get(field));
        for (Map<String, Object> alert : alerts) {
            Map<String, String> values = (Map<String, String>) alert.get(field);
            common.entrySet().removeIf(entry -> !entry.getValue().equals(values.get(entry.getKey())));
        }
        return common;
    }

    static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
