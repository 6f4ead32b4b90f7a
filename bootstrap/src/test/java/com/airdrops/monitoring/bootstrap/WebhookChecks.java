package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;

/** What the end-to-end tests check of a webhook receiver. */
final class WebhookChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookChecks() {}

    /**
     * One notification, a FIRING one, and no other for three seconds more: several delivery rounds and evaluation
     * passes later, nothing was sent twice.
     */
    static void exactlyOneFiring(RecordingReceiver webhook) throws Exception {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> webhook.requests.size() == 1);
        assertThat(JSON.readTree(webhook.requests.getFirst().body())
                        .get("status")
                        .asText())
                .isEqualTo("firing");
    }
}
