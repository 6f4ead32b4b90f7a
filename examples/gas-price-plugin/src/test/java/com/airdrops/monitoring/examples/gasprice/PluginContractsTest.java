package com.airdrops.monitoring.examples.gasprice;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.testkit.AlertNotifierContract;
import com.airdrops.monitoring.testkit.ComponentProbeContract;
import com.airdrops.monitoring.testkit.RecordingReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/** The example plugin's probe and channel pass the test kit's contracts, as any plugin's should. */
class PluginContractsTest {
    @Nested
    class GasPrice extends ComponentProbeContract {
        @Override
        protected ComponentProbe probe(URI url, Duration timeout) {
            return new GasPriceProbeFactory()
                    .create(new ComponentDefinition(
                            "gas",
                            "gas_price",
                            ComponentSource.PLUGIN,
                            Optional.empty(),
                            timeout,
                            ComponentDefinition.DEFAULT_STALE_AFTER,
                            Map.of("rpc_url", url.toString())));
        }

        @Override
        protected URI healthyEndpoint(RecordingReceiver receiver) {
            receiver.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": \"0x3b9aca00\"}");
            return receiver.url("/");
        }
    }

    @Nested
    class Chat extends AlertNotifierContract {
        @Override
        protected AlertNotifier notifier(URI url) {
            return new ChatNotifierFactory()
                    .create(new NotificationChannel(
                            "chat", "chat", Map.of("api_url", url.toString(), "token", "123:abc", "chat_id", "42")));
        }
    }
}
