package com.airdrops.monitoring.examples.gasprice;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Channel type {@code chat}: a Telegram-style bot API. {@code POST <api_url>/bot<token>/sendMessage} with
 * {@code {"chat_id": ..., "text": ...}}. Config: {@code api_url}, {@code token} (a secret: use ${ENV}),
 * {@code chat_id}. Registered in {@code META-INF/services/com.airdrops.monitoring.domain.spi.AlertNotifierFactory}.
 */
public final class ChatNotifierFactory implements AlertNotifierFactory {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public String type() {
        return "chat";
    }

    @Override
    public AlertNotifier create(NotificationChannel channel) {
        String apiUrl = required(channel, "api_url");
        String token = required(channel, "token");
        String chatId = required(channel, "chat_id");
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "config.api_url must be an http:// or https:// URL (channel '" + channel.name() + "', type chat)");
        }
        URI endpoint = URI.create(apiUrl.replaceAll("/+$", "") + "/bot" + token + "/sendMessage");
        return (notification, timeout) -> send(endpoint, chatId, notification, timeout);
    }

    private AlertNotifier.DeliveryOutcome send(
            URI endpoint, String chatId, Notification notification, Duration timeout) {
        String body = "{\"chat_id\":\"" + escape(chatId) + "\",\"text\":\"" + escape(text(notification)) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return AlertNotifier.DeliveryOutcome.delivered();
            }
            // The URL holds the bot token: the reason names the status only.
            String reason = "HTTP " + status;
            return status == 429 || status >= 500
                    ? AlertNotifier.DeliveryOutcome.retry(reason)
                    : AlertNotifier.DeliveryOutcome.rejected(reason);
        } catch (IOException e) {
            return AlertNotifier.DeliveryOutcome.retry(
                    "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AlertNotifier.DeliveryOutcome.retry("interrupted");
        }
    }

    static String text(Notification notification) {
        String header = notification.isDigest()
                ? "Digest of " + notification.foldedMessages() + " notifications"
                : notification.groupStatus().name();
        return header + "\n"
                + notification.alerts().stream().map(ChatNotifierFactory::line).collect(Collectors.joining("\n"));
    }

    private static String line(Alert alert) {
        return "[" + alert.severity().wireName() + "] " + alert.status().wireName() + " " + alert.ruleName() + ": "
                + alert.description() + " (" + alert.metricName() + " = " + alert.currentValue() + ")";
    }

    private static String required(NotificationChannel channel, String key) {
        Object value = channel.config().get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException(
                    "config." + key + " is required (channel '" + channel.name() + "', type chat)");
        }
        return String.valueOf(value);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
