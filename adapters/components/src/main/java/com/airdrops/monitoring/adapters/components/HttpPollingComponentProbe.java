package com.airdrops.monitoring.adapters.components;

import com.airdrops.monitoring.config.Redaction;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ProbeException;
import com.airdrops.monitoring.domain.wire.ComponentSnapshotJson;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/**
 * Reads a component by GETting its status URL, which answers the component snapshot JSON. Any HTTP status other than
 * 2xx, a body over 1 MiB, invalid JSON or a field of the wrong type is a {@link ProbeException} saying which.
 * Thread-safe.
 */
public final class HttpPollingComponentProbe implements ComponentProbe {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    /** The URL as messages and logs show it: without user-info, which may hold a password. */
    private final String shownUrl;

    private final Duration timeout;
    private final InstantSource clock;
    private final HttpClient client;

    public HttpPollingComponentProbe(URI url, Duration timeout, InstantSource clock, HttpClient client) {
        this.url = url;
        this.shownUrl = Redaction.urls(url.toString());
        this.timeout = timeout;
        this.clock = clock;
        this.client = client;
    }

    /** A client suited to polling: short connect timeout, no redirects to other hosts. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ComponentSnapshot probe() {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        byte[] body;
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream stream = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new ProbeException("GET " + shownUrl + " answered HTTP " + response.statusCode());
                }
                body = stream.readNBytes(MAX_BODY_BYTES + 1);
            }
        } catch (IOException e) {
            throw new ProbeException("GET " + shownUrl + " failed: " + Redaction.urls(e.toString()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("GET " + shownUrl + " interrupted", e);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ProbeException("GET " + shownUrl + " answered more than " + MAX_BODY_BYTES + " bytes");
        }
        return parse(body);
    }

    private ComponentSnapshot parse(byte[] body) {
        Object json;
        try {
            json = JSON.readValue(body, Object.class);
        } catch (IOException e) {
            String reason = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.toString();
            throw new ProbeException("GET " + shownUrl + " answered invalid JSON: " + reason, e);
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw new ProbeException("GET " + shownUrl + " answered JSON that is not an object");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, ?> fields = (Map<String, ?>) map;
            return ComponentSnapshotJson.parse(fields, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ProbeException("GET " + shownUrl + " answered an invalid snapshot: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HttpPollingComponentProbe[" + shownUrl + "]";
    }
}
