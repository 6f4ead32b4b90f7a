package com.airdrops.monitoring.adapters.components;

import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.testkit.ComponentProbeContract;
import com.airdrops.monitoring.testkit.RecordingReceiver;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;

/** The built-in HTTP polling probe passes the contract plugin authors' probes pass (monitoring-testkit). */
class HttpPollingProbeContractTest extends ComponentProbeContract {
    @Override
    protected ComponentProbe probe(URI url, Duration timeout) {
        return new HttpPollingComponentProbe(
                url, timeout, InstantSource.system(), HttpPollingComponentProbe.defaultClient());
    }

    @Override
    protected URI healthyEndpoint(RecordingReceiver receiver) {
        receiver.answer(200, "{\"status\": \"healthy\", \"metrics\": {\"queue_depth\": 3}}");
        return receiver.url("/status");
    }
}
