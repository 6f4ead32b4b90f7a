package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Channel type {@code slack}: one incoming-webhook message per notification, an attachment per alert coloured by
 * severity (green when resolved). The webhook URL is a secret: it never appears in a failure reason. Thread-safe.
 */
public final class SlackNotifier implements AlertNotifier {
    static final int MAX_ATTACHMENTS = 20;

    private final URI webhookUrl;

    SlackNotifier(NotificationChannel channel) {
        this.webhookUrl = new ChannelOptions(channel).httpUrl("webhook_url");
    }

    @Override
    public DeliveryOutcome send(Notification notification, Duration timeout) {
        return JsonHttp.post(webhookUrl, AlertmanagerFormat.bytes(message(notification)), Map.of(), timeout);
    }

    static Map<String, Object> message(Notification notification) {
        List<Alert> alerts = notification.alerts();
        String headline = notification.isDigest()
                ? ":warning: Rate limit reached: " + notification.foldedMessages()
                        + " notifications folded into this digest (" + alerts.size() + " alerts)"
                : (notification.groupStatus() == AlertStatus.RESOLVED
                                ? ":white_check_mark: Resolved"
                                : ":rotating_light: Firing")
                        + ": " + alerts.size() + (alerts.size() == 1 ? " alert" : " alerts");
        List<Map<String, Object>> attachments = alerts.stream()
                .limit(MAX_ATTACHMENTS)
                .map(SlackNotifier::attachment)
                .toList();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(
                "text", headline + (alerts.size() > MAX_ATTACHMENTS ? " (first " + MAX_ATTACHMENTS + " shown)" : ""));
        message.put("attachments", attachments);
        return message;
    }

    private static Map<String, Object> attachment(Alert alert) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("color", color(alert));
        attachment.put(
                "title",
                "[" + alert.status().wireName().toUpperCase(Locale.ROOT) + "] " + escape(alert.ruleName()) + " ("
                        + alert.severity().wireName() + ")");
        attachment.put(
                "text",
                escape((alert.summary().isEmpty() ? "" : alert.summary() + "\n") + alert.description() + "\n"
                                + alert.metricName() + " = " + alert.currentValue() + " (threshold "
                                + alert.threshold() + ")"
                                + (alert.labels().isEmpty() ? "" : "\nlabels: " + alert.labels()))
                        + alert.marks()
                                .ackLink()
                                .map(link -> "\n<" + link + "|Acknowledge>")
                                .orElse(""));
        attachment.put("ts", (alert.resolvedAt().orElse(alert.timestamp())).getEpochSecond());
        return attachment;
    }

    /**
     * Slack's own escaping of message text: {@code &}, {@code <} and {@code >} become entities, so a pushed label
     * value such as {@code <!channel>} or {@code <http://evil|click here>} shows as written instead of pinging a
     * channel or planting a disguised link. Only the agent's own link markup (the Acknowledge link) stays live.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Resolved: green; otherwise by severity, from blue (low) to red (critical). */
    static String color(Alert alert) {
        if (alert.status() == AlertStatus.RESOLVED) {
            return "#2eb886";
        }
        return switch (alert.severity()) {
            case LOW -> "#439fe0";
            case MEDIUM -> "#daa038";
            case HIGH -> "#ff6600";
            case CRITICAL -> "#d00000";
        };
    }
}
