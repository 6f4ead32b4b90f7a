package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Typed reads of a channel's {@code config:} map; a problem is an IllegalArgumentException naming the key. */
final class ChannelOptions {
    private final NotificationChannel channel;

    ChannelOptions(NotificationChannel channel) {
        this.channel = channel;
    }

    String requiredText(String key) {
        return text(key).orElseThrow(() -> problem(key, "is required"));
    }

    Optional<String> text(String key) {
        Object value = channel.config().get(key);
        if (value == null || (value instanceof String text && text.isBlank())) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number) {
            return Optional.of(String.valueOf(value));
        }
        throw problem(key, "must be a string");
    }

    URI httpUrl(String key) {
        return url(
                key,
                requiredText(key),
                uri -> "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()),
                "must be an http:// or https:// URL");
    }

    /**
     * An https:// URL (a token travels in it or with it); http:// only to a loopback address, for a test receiver or
     * a local proxy. {@code fallback} when the key is absent.
     */
    URI httpsUrl(String key, String fallback) {
        return url(
                key,
                text(key).orElse(fallback),
                uri -> "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback(uri.getHost())),
                "must be an https:// URL (http:// only to a loopback address such as 127.0.0.1)");
    }

    /** {@code value} as a URL with a host that {@code accepted} takes; else the problem, never quoting the value. */
    private URI url(String key, String value, Predicate<URI> accepted, String expected) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && accepted.test(uri)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, without the value, which may carry a token
        }
        throw problem(key, expected);
    }

    /** {@code localhost}, a literal 127.x.y.z, or {@code [::1]}: not a name that merely starts like one. */
    private static boolean loopback(String host) {
        return host.equals("localhost") || LOOPBACK_V4.matcher(host).matches() || host.equals("[::1]");
    }

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /** Refuses a key the channel type does not read: a misspelled optional key would otherwise be ignored. */
    void allowOnly(String... keys) {
        List<String> allowed = List.of(keys);
        for (Object key : channel.config().keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw problem(
                        String.valueOf(key),
                        "is not a " + channel.type() + " setting; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** A required value that must match {@code pattern}, described as {@code expected} when it does not. */
    String matching(String key, Pattern pattern, String expected) {
        String value = requiredText(key);
        if (!pattern.matcher(value).matches()) {
            throw problem(key, "must be " + expected);
        }
        return value;
    }

    int port(String key, int fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(key, "must be a port from 1 to 65535");
    }

    List<String> textList(String key) {
        Object value = channel.config().get(key);
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text);
        }
        if (value instanceof List<?> list
                && !list.isEmpty()
                && list.stream().allMatch(item -> item instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw problem(key, "must be a non-empty list of strings");
    }

    @SuppressWarnings("unchecked")
    Map<String, String> headers(String key) {
        Object value = channel.config().get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map && map.values().stream().allMatch(item -> item instanceof String)) {
            return Map.copyOf((Map<String, String>) map);
        }
        throw problem(key, "must be a mapping of header names to strings");
    }

    private IllegalArgumentException problem(String key, String message) {
        return new IllegalArgumentException(
                "config." + key + " " + message + " (channel '" + channel.name() + "', type " + channel.type() + ")");
    }
}
