package com.airdrops.monitoring.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.domain.model.NotificationChannel;
import com.airdrops.monitoring.domain.port.AlertNotifier;
import com.airdrops.monitoring.domain.port.AlertNotifier.DeliveryOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: blackhole
                receivers:
                  - name: blackhole
                """);
        Process alertmanager = new ProcessBuilder(binary(), "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        URI alerts = URI.create("http://127.0.0.1:" + port + "/api/v2/alerts");
        try {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client.send(
                    HttpRequest.newBuilder(alerts).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            AlertNotifier notifier = new AlertmanagerNotifier.Factory().create(new NotificationChannel("am", "alertmanager",
                    Map.of("urls", List.of("http://127.0.0.1:" + port))));

            assertThat(notifier.send(Alerts.notification(Alerts.firing()), Duration.ofSeconds(5)))
                    .isInstanceOf(DeliveryOutcome.Delivered.class);
            JsonNode active = AlertmanagerFormat.JSON.readTree(client.send(HttpRequest.newBuilder(alerts).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(active).singleElement().satisfies(alert -> {
                assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("risk_level_critical");
                assertThat(alert.get("status").get("state").asText()).isEqualTo("active");
            });

            notifier.send(Alerts.notification(Alerts.resolved()), Duration.ofSeconds(5));
            URI activeOnly = URI.create(alerts + "?active=true&silenced=false&inhibited=false&unprocessed=true");
            await().atMost(Duration.ofSeconds(10)).until(() -> AlertmanagerFormat.JSON.readTree(client.send(
                    HttpRequest.newBuilder(activeOnly).build(), HttpResponse.BodyHandlers.ofString()).body()).isEmpty());
        } finally {
            alertmanager.destroy();
            alertmanager.waitFor();
        }
    }

    private static String binary() {
        for (String name : List.of("prometheus-alertmanager", "alertmanager")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new IllegalStateException("Alertmanager is not installed: apt-get install prometheus-alertmanager "
                + "(./test.sh does this)");
    }
}
