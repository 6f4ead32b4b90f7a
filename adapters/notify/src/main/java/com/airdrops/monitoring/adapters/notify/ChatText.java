package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.alert.AlertTemplate;
import com.airdrops.monitoring.domain.model.notification.Notification;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The words of a chat message, shared by the chat channels: a headline for the notification and, per alert, its
 * status, severity, rule, summary, description, value and labels. Each channel escapes them for its own markup.
 */
final class ChatText {
    private ChatText() {}

    /** "Firing: 2 alerts", "Resolved: 1 alert", or for a digest how many messages the rate limit folded into it. */
    static String headline(Notification notification) {
        List<Alert> alerts = notification.alerts();
        String count = alerts.size() + (alerts.size() == 1 ? " alert" : " alerts");
        if (notification.isDigest()) {
            return "Rate limit reached: " + notification.foldedMessages() + " notifications folded into this digest ("
                    + count + ")";
        }
        return (notification.groupStatus() == AlertStatus.RESOLVED ? "Resolved: " : "Firing: ") + count;
    }

    /** {@code [FIRING] rule_name (critical)}, or {@code [ACKNOWLEDGED] ...} for an acknowledgement. */
    static String title(Alert alert) {
        String state = alert.event().wireName().equals("acknowledged")
                ? "acknowledged"
                : alert.status().wireName();
        return "[" + state.toUpperCase(Locale.ROOT) + "] " + alert.ruleName() + " ("
                + alert.severity().wireName() + ")";
    }

    /** {@code risk_level = 3 (threshold 3)}. */
    static String value(Alert alert) {
        return alert.metricName() + " = " + AlertTemplate.number(alert.currentValue()) + " (threshold "
                + AlertTemplate.number(alert.threshold()) + ")";
    }

    /** {@code component=risk, team=ops}; empty without labels. */
    static String labels(Alert alert) {
        return alert.labels().entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * The longest beginning of {@code text} whose escaped form fits {@code max} characters, escaped, with an ellipsis
     * when it was cut; escaping never splits an entity or an escape.
     */
    static String fitted(String text, int max, UnaryOperator<String> escape) {
        String whole = escape.apply(text);
        if (whole.length() <= max) {
            return whole;
        }
        StringBuilder fitted = new StringBuilder();
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String escaped = escape.apply(new String(Character.toChars(codePoint)));
            if (length + escaped.length() > max - 1) {
                break;
            }
            fitted.append(escaped);
            length += escaped.length();
            i += Character.charCount(codePoint);
        }
        return fitted.append('…').toString();
    }
}
