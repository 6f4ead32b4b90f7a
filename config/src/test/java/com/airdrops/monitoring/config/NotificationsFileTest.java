package com.airdrops.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationsFileTest {
    private static final Set<String> TYPES = Set.of("email", "slack", "webhook", "alertmanager");
    private static final String DOCUMENTED_EXAMPLE = """
            channels:
              - name: ops-slack
                type: slack
                enabled: true
                severities: [high, critical]
                config: { webhook_url: "${SLACK_WEBHOOK_URL}" }
              - name: audit-webhook
                type: webhook
                severities: [low, medium, high, critical]
                config: { url: "http://127.0.0.1:9999/hook", secret: "${WEBHOOK_SECRET}", headers: { X-Team: ops } }
              - name: oncall-email
                type: email
                config: { smtp_host: localhost, smtp_port: 25, transport: smtp, username: "", password: "",
                          from: monitor@example.org, to: [oncall@example.org] }
              - name: am
                type: alertmanager
                config: { urls: ["http://127.0.0.1:9093"] }
            policy:
              send_resolved: true
              repeat_interval_seconds: 3600
              rate_limit_per_minute: 30
              retry: { max_attempts: 5, initial_backoff_seconds: 1, max_backoff_seconds: 60, timeout_seconds: 10 }
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheDocumentedExampleWithSecretsFromTheEnvironment() throws IOException {
        ChannelsAndPolicy config = NotificationsFile.load(
                write(DOCUMENTED_EXAMPLE),
                Map.of("SLACK_WEBHOOK_URL", "https://hooks.slack.test/T0/B0/xyz", "WEBHOOK_SECRET", "s3cret"),
                TYPES);

        assertThat(config.channels())
                .extracting(channel -> channel.channel().name())
                .containsExactly("ops-slack", "audit-webhook", "oncall-email", "am");
        assertThat(config.routes().getFirst().severities())
                .containsExactlyInAnyOrder(AlertSeverity.HIGH, AlertSeverity.CRITICAL);
        assertThat(config.channels().get(1).channel().config()).containsEntry("secret", "s3cret");
        assertThat(config.policy())
                .isEqualTo(new NotificationPolicy(
                        true,
                        Duration.ofHours(1),
                        30,
                        5,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(10)));
    }

    @Test
    void secretsAreRedactedWhereverConfigIsShown() throws IOException {
        ChannelsAndPolicy config = NotificationsFile.load(
                write(DOCUMENTED_EXAMPLE),
                Map.of("SLACK_WEBHOOK_URL", "https://hooks.slack.test/T0/B0/xyz", "WEBHOOK_SECRET", "s3cret"),
                TYPES);

        assertThat(config.channels().get(0).redactedConfig()).containsEntry("webhook_url", "***");
        Map<String, Object> webhook = config.channels().get(1).redactedConfig();
        assertThat(webhook)
                .containsEntry("secret", "***")
                .containsEntry("url", "http://127.0.0.1:9999/hook")
                .containsEntry("headers", Map.of("X-Team", "ops"));
        assertThat(config.channels().get(2).redactedConfig()).containsEntry("password", "***");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void aMissingVariableUnknownTypeAndBadSeverityAreLocatedErrors() throws IOException {
        Path file = write("""
                channels:
                  - { name: a, type: pager, config: { token: "${PAGER_TOKEN}" } }
                  - { name: b, type: webhook, severities: [urgent], config: { url: "http://x" } }
                """);
        assertThatThrownBy(() -> NotificationsFile.load(file, Map.of(), TYPES))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        file
                                                + ":2:46: channels[0].config.token: environment variable PAGER_TOKEN is not set"));

        assertThatThrownBy(() -> NotificationsFile.load(file, Map.of("PAGER_TOKEN", "t"), TYPES))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        file
                                                + ":2:22: channels[0].type: unknown channel type 'pager'; allowed: alertmanager, email, slack, webhook",
                                        file
                                                + ":3:44: channels[1].severities[0]: unknown severity 'urgent', allowed: low, medium, high, critical"));
    }

    @Test
    void theShippedFileHasNoChannelsAndTheDefaultPolicy() {
        ChannelsAndPolicy config = NotificationsFile.load(Path.of("notifications.yaml"), Map.of(), TYPES);
        assertThat(config.channels()).isEmpty();
        assertThat(config.policy()).isEqualTo(NotificationPolicy.DEFAULT);
    }

    @Test
    void valuesOutOfRangeAreLocatedErrorsNotStackTraces() throws IOException {
        Path file = write("""
                channels:
                  - { name: "", type: webhook, config: { url: "http://127.0.0.1:1/hook" } }
                policy:
                  repeat_interval_seconds: 1e-12
                  rate_limit_per_minute: 0.5
                  retry: { max_attempts: 0.5, initial_backoff_seconds: 30, max_backoff_seconds: 10, timeout_seconds: 1e-12 }
                """);
        assertThatThrownBy(() -> NotificationsFile.load(file, Map.of(), TYPES))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .allSatisfy(problem -> assertThat(problem).startsWith(file + ":"))
                                .anySatisfy(problem ->
                                        assertThat(problem).contains("channels[0].name: expected a name of 1 to 200"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .contains("policy.repeat_interval_seconds: expected a number from 1 to"))
                                .anySatisfy(
                                        problem -> assertThat(problem)
                                                .contains(
                                                        "policy.rate_limit_per_minute: expected a whole number from 1 to 10000, got 0.5"))
                                .anySatisfy(
                                        problem -> assertThat(problem)
                                                .contains(
                                                        "policy.retry.max_attempts: expected a whole number from 1 to 100, got 0.5"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .contains("policy.retry.timeout_seconds: expected a number from 0.1 to 300"))
                                .anySatisfy(
                                        problem -> assertThat(problem)
                                                .contains(
                                                        "initial_backoff_seconds (30.0) must not exceed max_backoff_seconds (10.0)")));
    }

    @Test
    void aSecretInAListOfMappingsIsRedactedToo() throws IOException {
        Path file = write("""
                channels:
                  - name: hook
                    type: webhook
                    config:
                      url: "http://monitor:pa55@127.0.0.1:9999/hook"
                      routes: [ { team: ops, token: "${ROUTE_KEY}" }, { team: risk, key: "${OTHER}" } ]
                """);
        ChannelsAndPolicy config =
                NotificationsFile.load(file, Map.of("ROUTE_KEY", "tok-123", "OTHER", "other-456"), TYPES);
        String shown = config.channels().getFirst().redactedConfig().toString();
        assertThat(shown).doesNotContain("tok-123", "other-456", "pa55").contains("http://127.0.0.1:9999/hook");
    }

    @Test
    void aNamedPipeOrADirectoryIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("notifications.fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        assertThatThrownBy(() -> NotificationsFile.load(fifo, Map.of(), TYPES))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        fifo + ": not a regular file (a directory, FIFO or device is refused)"));
        assertThatThrownBy(() -> NotificationsFile.load(dir, Map.of(), TYPES)).isInstanceOf(ConfigException.class);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "notifications", ".yaml"), yaml);
    }
}
