package com.airdrops.monitoring.examples.gasprice;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ProbeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a JSON-RPC endpoint for {@code eth_gasPrice} (wei, hex) and reports it in gwei. Thread-safe. */
final class GasPriceProbe implements ComponentProbe {
    private static final String REQUEST = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_gasPrice\",\"params\":[],\"id\":1}";
    private static final Pattern RESULT = Pattern.compile("\"result\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"");
    private static final BigDecimal WEI_PER_GWEI = BigDecimal.TEN.pow(9);

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;
    private final InstantSource clock;

    GasPriceProbe(URI url, Duration timeout, HttpClient client, InstantSource clock) {
        this.url = url;
        this.timeout = timeout;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public ComponentSnapshot probe() {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                .build();
        String body;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ProbeException("eth_gasPrice at " + url + " answered HTTP " + response.statusCode());
            }
            body = response.body();
        } catch (IOException e) {
            throw new ProbeException("eth_gasPrice at " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("eth_gasPrice at " + url + " interrupted", e);
        }
        Matcher result = RESULT.matcher(body);
        if (!result.find()) {
            throw new ProbeException("eth_gasPrice at " + url + " answered no hex result: " + abbreviate(body));
        }
        BigDecimal gwei = new BigDecimal(new BigInteger(result.group(1), 16)).divide(WEI_PER_GWEI);
        return ComponentSnapshot.builder(clock.instant())
                .metric("gas_price_gwei", gwei.doubleValue())
                .build();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
