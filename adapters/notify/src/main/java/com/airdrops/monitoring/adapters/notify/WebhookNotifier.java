package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Channel type {@code webhook}: POSTs Alertmanager's webhook payload (version 4) with the channel's headers, an
 * {@code X-Alert-Event-Id} that is the same on every retry, and, when {@code config.secret} is set, two signatures:
 * the Standard Webhooks headers ({@code webhook-id}: the event id, {@code webhook-timestamp}: epoch seconds of the
 * attempt, {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}), which the standardwebhooks
 * libraries verify and which a replay cannot reuse past the receiver's tolerance, and {@code X-Signature-256:
 * sha256=<hex HMAC-SHA256 of the body>}. A {@code whsec_} secret keys the standard signature with the bytes its
 * base64 stands for, as that convention defines; any other secret with its own UTF-8 bytes. Thread-safe.
 */
public final class WebhookNotifier implements AlertNotifier {
    /** A secret in the Standard Webhooks form: the key is the base64 after it. */
    static final String STANDARD_PREFIX = "whsec_";

    private final String receiver;
    private final URI url;
    private final Optional<String> secret;
    private final Map<String, String> headers;
    private final InstantSource clock;

    WebhookNotifier(NotificationChannel channel) {
        this(channel, InstantSource.system());
    }

    WebhookNotifier(NotificationChannel channel, InstantSource clock) {
        this.clock = clock;
        ChannelOptions config = new ChannelOptions(channel);
        this.receiver = channel.name();
        this.url = config.httpUrl("url");
        this.secret = config.text("secret");
        secret.filter(key -> key.startsWith(STANDARD_PREFIX)).ifPresent(key -> {
            try {
                Base64.getDecoder().decode(key.substring(STANDARD_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "config.secret: a secret starting with whsec_ must be base64 after the prefix (the Standard "
                                + "Webhooks form); use another secret, or encode it");
            }
        });
        this.headers = config.headers("headers");
    }

    @Override
    public DeliveryOutcome send(Notification notification, Duration timeout) {
        byte[] body = AlertmanagerFormat.webhookBody(notification, receiver);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Alert-Event-Id", notification.eventId());
        secret.ifPresent(key -> {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            all.put("webhook-id", notification.eventId());
            all.put("webhook-timestamp", timestamp);
            all.put("webhook-signature", standardSignature(key, notification.eventId(), timestamp, body));
            all.put("X-Signature-256", "sha256=" + hmacSha256(key, body));
        });
        return JsonHttp.post(url, body, all, timeout);
    }

    /** Hex HMAC-SHA256 of {@code body} keyed with {@code secret}'s UTF-8 bytes, as receivers verify it. */
    public static String hmacSha256(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** The Standard Webhooks {@code webhook-signature} value: {@code v1,<base64 HMAC of id.timestamp.body>}. */
    static String standardSignature(String secret, String id, String timestamp, byte[] body) {
        byte[] key = secret.startsWith(STANDARD_PREFIX)
                ? Base64.getDecoder().decode(secret.substring(STANDARD_PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, signed));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
