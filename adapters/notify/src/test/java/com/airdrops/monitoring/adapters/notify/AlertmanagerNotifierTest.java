package com.airdrops.monitoring.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.domain.fixtures.Alerts;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Alertmanager (Debian's prometheus-alertmanager) shows the alert active, then resolved. */
class AlertmanagerNotifierTest {
    @Test
    void alertmanagerShowsTheAlertActiveThenResolved(@TempDir Path dir) throws Exception {
        try (RealAlertmanager alertmanager = RealAlertmanager.start(dir)) {
            AlertNotifier notifier = new AlertmanagerNotifierFactory()
                    .create(new NotificationChannel("am", "alertmanager", Map.of("urls", List.of(alertmanager.url()))));

            assertThat(notifier.send(Alerts.notification(Alerts.firing()), Duration.ofSeconds(5)))
                    .isInstanceOf(DeliveryOutcome.Delivered.class);
            assertThat(alertmanager.alerts(true)).singleElement().satisfies(alert -> {
                assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("risk_level_critical");
                assertThat(alert.get("status").get("state").asText()).isEqualTo("active");
            });

            notifier.send(Alerts.notification(Alerts.resolved()), Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> alertmanager.alerts(true).isEmpty());
        }
    }
}
