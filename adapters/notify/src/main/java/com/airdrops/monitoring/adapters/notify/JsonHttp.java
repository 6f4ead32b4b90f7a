package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * POSTs JSON and turns the answer into a delivery outcome: 2xx delivered; 408, 429 and 5xx retryable (429 with its
 * Retry-After); any other status final. Failure reasons never contain the URL, which may carry a secret.
 */
final class JsonHttp {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            // HTTP/1.1: over http:// the default would offer an h2c upgrade (Connection: Upgrade, HTTP2-Settings),
            // which strict webhook receivers refuse.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private JsonHttp() {}

    /** The most of an answer's body read: a reason needs a line, and a hostile server must not fill the heap. */
    static final int MAX_ANSWER_BYTES = 16 * 1024;

    static DeliveryOutcome post(URI url, byte[] body, Map<String, String> headers, Duration timeout) {
        return post(
                Set.of(),
                url,
                body,
                headers,
                timeout,
                answer -> judged(
                        answer,
                        refused -> "HTTP " + refused.status(),
                        limited -> limited.headers().firstValue("Retry-After").flatMap(JsonHttp::seconds)));
    }

    /**
     * POSTs and lets {@code judge} read the answer, in which each of {@code secrets} (a token the URL or the body
     * carries) is masked first: a service or proxy that echoes the request cannot put one into a reason, which is
     * logged and shown. A timeout or a failed connection is retryable.
     */
    static DeliveryOutcome post(
            Set<String> secrets,
            URI url,
            byte[] body,
            Map<String, String> headers,
            Duration timeout,
            Function<HttpAnswer, DeliveryOutcome> judge) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
            }
            // Longest first: a secret that contains another (a whole token and its secret part) is masked whole.
            for (String secret : secrets.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList()) {
                text = text.replace(secret, "***");
            }
            return judge.apply(new HttpAnswer(response.statusCode(), response.headers(), text));
        } catch (HttpTimeoutException e) {
            return DeliveryOutcome.retry("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return DeliveryOutcome.retry("connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retry("interrupted");
        }
    }

    /**
     * How an answer settles a delivery: 2xx delivered; 429 retried after {@code wait} (what
     * the service asked for, read only then); 408 and 5xx retried; any other status final. {@code reason} gives the
     * service's own words for a failure.
     */
    static DeliveryOutcome judged(
            HttpAnswer answer, Function<HttpAnswer, String> reason, Function<HttpAnswer, Optional<Duration>> wait) {
        if (answer.status() / 100 == 2) {
            return DeliveryOutcome.delivered();
        }
        if (answer.status() == 429) {
            return new DeliveryOutcome.RetryLater(reason.apply(answer), wait.apply(answer));
        }
        return answer.status() == 408 || answer.status() >= 500
                ? DeliveryOutcome.retry(reason.apply(answer))
                : DeliveryOutcome.rejected(reason.apply(answer));
    }

    /**
     * A service's own reason for refusing, from its JSON answer's {@code field} (cut to 200 characters), after the
     * status: {@code HTTP 400: Bad Request: chat not found}.
     */
    static String reason(HttpAnswer answer, String field) {
        String text = answer.json().path(field).asText("");
        text = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return "HTTP " + answer.status() + (text.isBlank() ? "" : ": " + text);
    }

    /** A JSON number of seconds (possibly fractional) as a duration; empty when absent or not a number. */
    static Optional<Duration> seconds(JsonNode value) {
        return value.isNumber() ? seconds(value.asDouble()) : Optional.empty();
    }

    /** Seconds (possibly fractional) as a duration, rounded up to the millisecond; empty when negative or NaN. */
    static Optional<Duration> seconds(double value) {
        return value >= 0 ? Optional.of(Duration.ofMillis((long) Math.ceil(value * 1000))) : Optional.empty();
    }

    /** Retry-After in delta-seconds (the form rate limiters use); an HTTP date is ignored. */
    static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
