package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Channel type {@code telegram}: one Bot API {@code sendMessage} per notification to {@code chat_id} (and
 * {@code message_thread_id}, a forum topic), in HTML parse mode with every text escaped, at most
 * {@value #MAX_TEXT} characters (alerts that do not fit are counted: "… and 3 more"). A single alert's https
 * Acknowledge link is also a button. A 429 waits {@code parameters.retry_after}. The bot token is part of the URL's
 * path: it never appears in a reason. Thread-safe.
 */
public final class TelegramNotifier implements AlertNotifier {
    static final int MAX_TEXT = 4_096;
    static final String API = "https://api.telegram.org";
    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,100}");
    private static final Pattern CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern THREAD = Pattern.compile("\\d{1,20}");

    private final URI sendMessage;
    private final Set<String> secrets;
    private final String chatId;
    private final Optional<Long> threadId;

    TelegramNotifier(NotificationChannel channel) {
        ChannelOptions options = new ChannelOptions(channel);
        options.allowOnly("bot_token", "chat_id", "message_thread_id", "api_url");
        String token = options.matching("bot_token", TOKEN, "a bot token as @BotFather gives it (123456:ABC-DEF…)");
        this.secrets = Set.of(token, token.substring(token.indexOf(':') + 1));
        String api = options.httpsUrl("api_url", API).toString().replaceAll("/+$", "");
        this.sendMessage = URI.create(api + "/bot" + token + "/sendMessage");
        this.chatId =
                options.matching("chat_id", CHAT, "a chat id (an integer such as -1001234567890) or @channelname");
        this.threadId = options.text("message_thread_id").isEmpty()
                ? Optional.empty()
                : Optional.of(Long.parseLong(options.matching("message_thread_id", THREAD, "a topic id (an integer)")));
    }

    @Override
    public DeliveryOutcome send(Notification notification, Duration timeout) {
        return JsonHttp.post(
                secrets,
                sendMessage,
                AlertmanagerFormat.bytes(message(notification)),
                Map.of(),
                timeout,
                TelegramNotifier::judge);
    }

    Map<String, Object> message(Notification notification) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("chat_id", chatId.startsWith("@") ? chatId : Long.parseLong(chatId));
        threadId.ifPresent(id -> message.put("message_thread_id", id));
        message.put("text", text(notification));
        message.put("parse_mode", "HTML");
        message.put("link_preview_options", Map.of("is_disabled", true));
        List<Alert> alerts = notification.alerts();
        if (alerts.size() == 1) {
            alerts.getFirst()
                    .marks()
                    .ackLink()
                    .filter(link -> link.startsWith("https://"))
                    .ifPresent(link -> message.put(
                            "reply_markup",
                            Map.of("inline_keyboard", List.of(List.of(Map.of("text", "Acknowledge", "url", link))))));
        }
        return message;
    }

    /** The headline, then one block per alert while they fit, then how many did not. */
    static String text(Notification notification) {
        StringBuilder text = new StringBuilder("<b>")
                .append(escape(ChatText.headline(notification)))
                .append("</b>");
        List<Alert> alerts = notification.alerts();
        for (int i = 0; i < alerts.size(); i++) {
            String more = "\n\n… and " + (alerts.size() - i) + " more";
            int room = MAX_TEXT - text.length() - (i + 1 < alerts.size() ? more.length() + 8 : 0);
            String block = block(alerts.get(i), room);
            if (block.isEmpty()) {
                return text.append(more).toString();
            }
            text.append(block);
        }
        return text.toString();
    }

    /** One alert in at most {@code room} characters; the description gives way first; empty when even less fits. */
    private static String block(Alert alert, int room) {
        StringBuilder head = new StringBuilder("\n\n<b>")
                .append(escape(ChatText.title(alert)))
                .append("</b>");
        if (!alert.summary().isEmpty()) {
            head.append("\n<i>")
                    .append(ChatText.fitted(alert.summary(), 512, TelegramNotifier::escape))
                    .append("</i>");
        }
        StringBuilder tail = new StringBuilder("\n").append(escape(ChatText.value(alert)));
        String labels = ChatText.labels(alert);
        if (!labels.isEmpty()) {
            tail.append("\n").append(ChatText.fitted(labels, 1_024, TelegramNotifier::escape));
        }
        List<String> links = new ArrayList<>();
        alert.marks().ackLink().ifPresent(link -> links.add(anchor(link, "Acknowledge")));
        alert.marks().pageLink().ifPresent(link -> links.add(anchor(link, "Status page")));
        if (!links.isEmpty()) {
            tail.append("\n").append(String.join(" · ", links));
        }
        int left = room - head.length() - tail.length() - 1;
        if (left < 0) {
            return "";
        }
        String description = alert.description().isEmpty()
                ? ""
                : "\n" + ChatText.fitted(alert.description(), left, TelegramNotifier::escape);
        return head + description + tail;
    }

    private static String anchor(String link, String text) {
        return "<a href=\"" + escape(link).replace("\"", "&quot;") + "\">" + text + "</a>";
    }

    /** HTML parse mode's escaping: {@code &}, {@code <} and {@code >} as entities; nothing else is markup. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Telegram answers {@code {"ok": false, "description": …, "parameters": {"retry_after": 3}}}. */
    static DeliveryOutcome judge(HttpAnswer answer) {
        return JsonHttp.judged(
                answer,
                refused -> JsonHttp.reason(refused, "description"),
                limited -> JsonHttp.seconds(limited.json().path("parameters").path("retry_after")));
    }
}
