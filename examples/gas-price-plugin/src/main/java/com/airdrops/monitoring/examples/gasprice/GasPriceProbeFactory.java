package com.airdrops.monitoring.examples.gasprice;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ComponentProbeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Component type {@code gas_price}: polls an Ethereum JSON-RPC endpoint ({@code config.rpc_url}) for
 * {@code eth_gasPrice} and reports the gauge {@code gas_price_gwei}. Registered in
 * {@code META-INF/services/com.airdrops.monitoring.domain.spi.ComponentProbeFactory}.
 */
public final class GasPriceProbeFactory implements ComponentProbeFactory {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public String type() {
        return "gas_price";
    }

    @Override
    public ComponentProbe create(ComponentDefinition definition) {
        Object url = definition.config().get("rpc_url");
        if (!(url instanceof String text) || !(text.startsWith("http://") || text.startsWith("https://"))) {
            throw new IllegalArgumentException(
                    "component " + definition.name() + ": gas_price needs config.rpc_url, an http:// or https:// URL");
        }
        return new GasPriceProbe(URI.create(text), definition.timeout(), client, Clock.systemUTC());
    }
}
