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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Channel type {@code discord}: one webhook message per notification, an embed per alert coloured by severity (at most
 * {@value #MAX_EMBEDS} embeds and {@value #MAX_EMBED_CHARACTERS} characters in all; {@code content} says how many
 * did not fit). Markdown in every text is escaped and {@code allowed_mentions} is empty, so no label value can ping
 * {@code @everyone}, a user or a role. A 429 waits its {@code retry_after}. The webhook URL holds a token: it never
 * appears in a reason. Thread-safe.
 */
public final class DiscordNotifier implements AlertNotifier {
    static final int MAX_EMBEDS = 10;
    static final int MAX_EMBED_CHARACTERS = 6_000;
    static final int MAX_CONTENT = 2_000;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4_096;
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|>#\\[\\]()<:@-])");

    private final URI webhook;
    private final Set<String> secrets;

    DiscordNotifier(NotificationChannel channel) {
        ChannelOptions options = new ChannelOptions(channel);
        options.allowOnly("webhook_url");
        options.requiredText("webhook_url");
        this.webhook = options.httpsUrl("webhook_url", "");
        String path = webhook.getRawPath() == null ? "" : webhook.getRawPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        this.secrets = token.isEmpty() ? Set.of(webhook.toString()) : Set.of(webhook.toString(), path, token);
    }

    @Override
    public DeliveryOutcome send(Notification notification, Duration timeout) {
        return JsonHttp.post(
                secrets,
                webhook,
                AlertmanagerFormat.bytes(message(notification)),
                Map.of(),
                timeout,
                DiscordNotifier::judge);
    }

    static Map<String, Object> message(Notification notification) {
        List<Map<String, Object>> embeds = new ArrayList<>();
        int characters = 0;
        for (Alert alert : notification.alerts()) {
            if (embeds.size() == MAX_EMBEDS) {
                break;
            }
            Map<String, Object> embed = embed(alert, MAX_EMBED_CHARACTERS - characters);
            if (embed.isEmpty()) {
                break;
            }
            characters += ((String) embed.get("title")).length() + ((String) embed.get("description")).length();
            embeds.add(embed);
        }
        int left = notification.alerts().size() - embeds.size();
        String content = escape(ChatText.headline(notification)) + (left > 0 ? " (" + left + " more not shown)" : "");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("content", content.length() > MAX_CONTENT ? content.substring(0, MAX_CONTENT) : content);
        message.put("embeds", embeds);
        message.put("allowed_mentions", Map.of("parse", List.of()));
        return message;
    }

    /** One alert's embed in at most {@code room} characters of title and description; empty when it cannot fit. */
    private static Map<String, Object> embed(Alert alert, int room) {
        String title = ChatText.fitted(ChatText.title(alert), MAX_TITLE, DiscordNotifier::escape);
        StringBuilder tail = new StringBuilder("\n").append(escape(ChatText.value(alert)));
        String labels = ChatText.labels(alert);
        if (!labels.isEmpty()) {
            tail.append("\n").append(ChatText.fitted(labels, 1_024, DiscordNotifier::escape));
        }
        alert.marks()
                .ackLink()
                .ifPresent(link -> tail.append("\n[Acknowledge](").append(link).append(")"));
        alert.marks()
                .pageLink()
                .ifPresent(link -> tail.append("\n[Status page](").append(link).append(")"));
        String summary = alert.summary().isEmpty()
                ? ""
                : "**" + ChatText.fitted(alert.summary(), 512, DiscordNotifier::escape) + "**\n";
        int left = Math.min(MAX_DESCRIPTION, room - title.length()) - summary.length() - tail.length();
        if (left < 1) {
            return Map.of();
        }
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", title);
        embed.put("description", summary + ChatText.fitted(alert.description(), left, DiscordNotifier::escape) + tail);
        embed.put("color", Integer.parseInt(SlackNotifier.color(alert).substring(1), 16));
        embed.put("timestamp", alert.resolvedAt().orElse(alert.timestamp()).toString());
        return embed;
    }

    /** Every character Discord's markdown (or its mention syntax) reads is escaped with a backslash. */
    static String escape(String text) {
        return MARKDOWN.matcher(text).replaceAll(Matcher.quoteReplacement("\\") + "$1");
    }

    /** Discord answers {@code {"message": …, "retry_after": 1.5}}; the same wait is in the rate-limit headers. */
    static DeliveryOutcome judge(HttpAnswer answer) {
        return JsonHttp.judged(
                answer,
                refused -> JsonHttp.reason(refused, "message"),
                limited -> JsonHttp.seconds(limited.json().path("retry_after"))
                        .or(() -> limited.headers().firstValue("Retry-After").flatMap(JsonHttp::seconds))
                        .or(() -> limited.headers()
                                .firstValue("X-RateLimit-Reset-After")
                                .flatMap(DiscordNotifier::fractionalSeconds)));
    }

    private static Optional<Duration> fractionalSeconds(String seconds) {
        try {
            return JsonHttp.seconds(Double.parseDouble(seconds.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
