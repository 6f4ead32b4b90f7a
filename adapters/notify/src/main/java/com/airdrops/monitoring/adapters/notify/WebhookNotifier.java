package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Channel type {@code webhook}: POSTs Alertmanager's webhook payload (version 4) with the channel's headers, an
 * {@code X-Alert-Event-Id} that is the same on every retry, and {@code X-Signature-256: sha256=<hex>}, the
 * HMAC-SHA256 of the raw body with {@code config.secret}, when a secret is set. Thread-safe.
 */
public final class WebhookNotifier implements AlertNotifier {
    private final String receiver;
    private final URI url;
    private final Optional<String> secret;
    private final Map<String, String> headers;

    WebhookNotifier(NotificationChannel channel) {
        ChannelOptions config = new ChannelOptions(channel);
        this.receiver = channel.name();
        this.url = config.httpUrl("url");
        this.secret = config.text("secret");
        this.headers = config.headers("headers");
    }

    @Override
    public DeliveryOutcome send(Notification notification, Duration timeout) {
        byte[] body = AlertmanagerFormat.webhookBody(notification, receiver);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Alert-Event-Id", notification.eventId());
        secret.ifPresent(key -> all.put("X-Signature-256", "sha256=" + hmacSha256(key, body)));
        return JsonHttp.post(url, body, all, timeout);
    }

    /** Hex HMAC-SHA256 of {@code body} keyed with {@code secret}, as receivers verify it. */
    public static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Creates webhook notifiers; registered through ServiceLoader like any plugin. */
    public static final class Factory implements AlertNotifierFactory {
        @Override
        public String type() {
            return "webhook";
        }

        @Override
        public AlertNotifier create(NotificationChannel channel) {
            return new WebhookNotifier(channel);
        }
    }
}
