package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertEvent;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Channel type {@code pagerduty}: an Events API v2 event per alert of a notification, {@code dedup_key} the alert's
 * fingerprint, so PagerDuty's incident follows the alert: {@code trigger} when it fires, {@code acknowledge} when
 * someone acknowledges it in the agent, {@code resolve} when it resolves. A 202 is delivered; a 400 is rejected with
 * PagerDuty's reason; 429 and 5xx are retried, the whole notification again (an event PagerDuty already has changes
 * nothing). The routing key never appears in a reason. Thread-safe.
 */
public final class PagerDutyNotifier implements AlertNotifier {
    static final String API = "https://events.pagerduty.com/v2/enqueue";
    static final int MAX_SUMMARY = 1_024;
    private static final Pattern ROUTING_KEY = Pattern.compile("[A-Za-z0-9]{32}");

    private final URI enqueue;
    private final String routingKey;

    PagerDutyNotifier(NotificationChannel channel) {
        ChannelOptions options = new ChannelOptions(channel);
        options.allowOnly("routing_key", "api_url");
        this.routingKey =
                options.matching("routing_key", ROUTING_KEY, "an Events API v2 integration key: 32 letters and digits");
        this.enqueue = options.httpsUrl("api_url", API);
    }

    /**
     * The events of all the notification's alerts share the attempt's {@code timeout}: one slow answer cannot stretch
     * it. An event PagerDuty refuses does not hold the others back: they are sent, and the notification is then
     * rejected (a dead letter naming how many were refused, whose replay sends all again: PagerDuty dedups them).
     */
    @Override
    public DeliveryOutcome send(Notification notification, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Alert> alerts = notification.alerts();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            long left = deadline - System.nanoTime();
            if (left < Duration.ofMillis(10).toNanos()) {
                return DeliveryOutcome.retry("timed out after " + i + " of " + alerts.size() + " events");
            }
            DeliveryOutcome outcome = JsonHttp.post(
                    Set.of(routingKey),
                    enqueue,
                    AlertmanagerFormat.bytes(event(alerts.get(i))),
                    Map.of(),
                    Duration.ofNanos(left),
                    PagerDutyNotifier::judge);
            switch (outcome) {
                case DeliveryOutcome.Delivered delivered -> {}
                case DeliveryOutcome.RetryLater later -> {
                    return later;
                }
                case DeliveryOutcome.Rejected rejected -> refused.add(rejected.reason());
            }
        }
        if (refused.isEmpty()) {
            return DeliveryOutcome.delivered();
        }
        return DeliveryOutcome.rejected(
                alerts.size() == 1
                        ? refused.getFirst()
                        : "PagerDuty refused " + refused.size() + " of " + alerts.size() + " events: "
                                + refused.getFirst());
    }

    Map<String, Object> event(Alert alert) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routing_key", routingKey);
        event.put("event_action", action(alert));
        event.put("dedup_key", alert.fingerprint());
        if (!action(alert).equals("trigger")) {
            return event;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        String summary = alert.summary().isEmpty()
                ? alert.ruleName() + (alert.description().isEmpty() ? "" : ": " + alert.description())
                : alert.summary();
        payload.put("summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary);
        payload.put("source", alert.labels().getOrDefault("instance", "airdrops-monitoring"));
        payload.put("severity", severity(alert));
        payload.put("timestamp", alert.firingSince().orElse(alert.timestamp()).toString());
        if (alert.labels().containsKey("component")) {
            payload.put("component", alert.labels().get("component"));
        }
        payload.put("class", alert.ruleName());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("description", alert.description());
        details.put("value", ChatText.value(alert));
        details.put("labels", alert.labels());
        payload.put("custom_details", details);
        event.put("payload", payload);
        List<Map<String, String>> links = new ArrayList<>();
        alert.marks().pageLink().ifPresent(link -> links.add(Map.of("href", link, "text", "Status page")));
        alert.marks().ackLink().ifPresent(link -> links.add(Map.of("href", link, "text", "Acknowledge in the agent")));
        event.put("links", links);
        event.put("client", "Airdrops Monitoring");
        alert.marks().pageLink().ifPresent(link -> event.put("client_url", link));
        return event;
    }

    static String action(Alert alert) {
        if (alert.event() == AlertEvent.ACKNOWLEDGED) {
            return "acknowledge";
        }
        return alert.status() == AlertStatus.RESOLVED ? "resolve" : "trigger";
    }

    /** PagerDuty's four severities: critical, error, warning, info. */
    static String severity(Alert alert) {
        return switch (alert.severity()) {
            case CRITICAL -> "critical";
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "info";
        };
    }

    /** PagerDuty answers {@code {"status": "invalid event", "message": …, "errors": [ … ]}}. */
    static DeliveryOutcome judge(HttpAnswer answer) {
        return JsonHttp.judged(
                answer,
                refused -> {
                    JsonNode errors = refused.json().path("errors");
                    return JsonHttp.reason(refused, "message")
                            + (errors.isArray() && !errors.isEmpty()
                                    ? " (" + errors.get(0).asText() + ")"
                                    : "");
                },
                limited -> limited.headers().firstValue("Retry-After").flatMap(JsonHttp::seconds));
    }
}
