package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    static DeliveryOutcome post(URI url, byte[] body, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return outcome(response.statusCode(), response.headers().firstValue("Retry-After"));
        } catch (HttpTimeoutException e) {
            return DeliveryOutcome.retry("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return DeliveryOutcome.retry("connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retry("interrupted");
        }
    }

    static DeliveryOutcome outcome(int status, Optional<String> retryAfter) {
        if (status / 100 == 2) {
            return DeliveryOutcome.delivered();
        }
        String reason = "HTTP " + status;
        if (status == 429) {
            return new DeliveryOutcome.RetryLater(reason, retryAfter.flatMap(JsonHttp::seconds));
        }
        return status == 408 || status >= 500 ? DeliveryOutcome.retry(reason) : DeliveryOutcome.rejected(reason);
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
