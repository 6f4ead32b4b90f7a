package com.airdrops.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.model.metric.AggregationFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentSettingsTest {

    @Test
    void defaultsAreThoseTheReadmeDocuments() {
        MonitoringSettings settings = EnvironmentSettings.load(Map.of());
        assertThat(settings.collection().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.http().host()).isEqualTo("0.0.0.0");
        assertThat(settings.http().port()).isEqualTo(8000);
        assertThat(settings.aggregation().window()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.aggregation().functions())
                .containsExactly(AggregationFunction.AVG, AggregationFunction.MAX, AggregationFunction.MIN);
        assertThat(settings.aggregation().retention()).isEqualTo(Duration.ofHours(168));
        assertThat(settings.aggregation().bufferMaxSize()).isEqualTo(1000);
        assertThat(settings.aggregation().maxSeries()).isEqualTo(100_000);
        assertThat(settings.aggregation().maxStored()).isEqualTo(1_000_000);
        assertThat(settings.alerting().evaluationInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.alerting().retention()).isEqualTo(Duration.ofHours(168));
        Path workingDirectory = Path.of("").toAbsolutePath();
        assertThat(settings.home()).isEqualTo(workingDirectory);
        assertThat(settings.files().alertRules().path()).isEqualTo(workingDirectory.resolve("config/alert_rules.yaml"));
        assertThat(settings.files().notifications().path())
                .isEqualTo(workingDirectory.resolve("config/notifications.yaml"));
        assertThat(settings.files().components().path()).isEqualTo(workingDirectory.resolve("config/components.yaml"));
        assertThat(settings.database().url()).isEqualTo("jdbc:h2:file:" + workingDirectory.resolve("data/monitoring"));
        assertThat(settings.http().apiToken()).isEmpty();
        assertThat(settings.collection().diskPath()).isEqualTo(Path.of("/"));
    }

    @Test
    void readsEveryVariable() {
        MonitoringSettings settings = EnvironmentSettings.load(Map.ofEntries(
                Map.entry("METRICS_COLLECTION_INTERVAL", "0.5"),
                Map.entry("METRICS_HTTP_HOST", "127.0.0.1"),
                Map.entry("METRICS_HTTP_PORT", "9100"),
                Map.entry("METRICS_AGGREGATION_WINDOW_SECONDS", "2"),
                Map.entry("METRICS_AGGREGATION_FUNCTIONS", "avg, p95,count"),
                Map.entry("METRICS_RETENTION_PERIOD_HOURS", "24"),
                Map.entry("METRICS_BUFFER_MAX_SIZE", "50"),
                Map.entry("ALERT_EVALUATION_INTERVAL", "1"),
                Map.entry("ALERT_RETENTION_HOURS", "12"),
                Map.entry("MONITORING_DB_URL", "jdbc:postgresql://db:5432/monitoring"),
                Map.entry("MONITORING_API_TOKEN", "s3cret"),
                Map.entry("METRICS_DISK_PATH", "/var")));
        assertThat(settings.collection().interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.http().host()).isEqualTo("127.0.0.1");
        assertThat(settings.http().port()).isEqualTo(9100);
        assertThat(settings.aggregation().window()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.aggregation().functions())
                .containsExactly(AggregationFunction.AVG, AggregationFunction.P95, AggregationFunction.COUNT);
        assertThat(settings.aggregation().retention()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.aggregation().bufferMaxSize()).isEqualTo(50);
        assertThat(settings.alerting().evaluationInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.alerting().retention()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.database().url()).isEqualTo("jdbc:postgresql://db:5432/monitoring");
        assertThat(settings.http().apiToken()).contains("s3cret");
        assertThat(settings.collection().diskPath()).isEqualTo(Path.of("/var"));
    }

    @Test
    void relativePathsResolveAgainstTheHomeAndAbsoluteOnesStay(@TempDir Path home) {
        MonitoringSettings settings = EnvironmentSettings.load(Map.of(
                "MONITORING_HOME", home.toString(),
                "ALERT_RULES_FILE", "rules/mine.yaml",
                "NOTIFICATIONS_FILE", "/etc/monitoring/notifications.yaml",
                "MONITORING_PLUGINS_DIR", "../plugins",
                "MONITORING_DB_URL", "jdbc:h2:./db/agent;LOCK_TIMEOUT=100"));
        assertThat(settings.home()).isEqualTo(home);
        assertThat(settings.files().alertRules().path()).isEqualTo(home.resolve("rules/mine.yaml"));
        assertThat(settings.files().notifications().path()).isEqualTo(Path.of("/etc/monitoring/notifications.yaml"));
        assertThat(settings.files().components().path()).isEqualTo(home.resolve("config/components.yaml"));
        assertThat(settings.files().plugins()).isEqualTo(home.getParent().resolve("plugins"));
        assertThat(settings.database().url())
                .isEqualTo("jdbc:h2:file:" + home.resolve("db/agent") + ";LOCK_TIMEOUT=100");
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:h2:file:/var/lib/monitoring/db",
        "jdbc:h2:/var/lib/monitoring/db;MODE=PostgreSQL",
        "jdbc:h2:mem:test",
        "jdbc:h2:tcp://db:9092/monitoring",
        "jdbc:h2:~/monitoring",
        "jdbc:postgresql://db:5432/monitoring"
    })
    void databaseUrlsThatAreNotRelativeFilesAreKept(String url) {
        assertThat(EnvironmentSettings.load(Map.of("MONITORING_DB_URL", url))
                        .database()
                        .url())
                .isEqualTo(url);
    }

    @Test
    void unsetFilesFallBackToTheBuiltInCopyWhileNothingIsAtTheDefaultPath(@TempDir Path home) throws IOException {
        MonitoringSettings settings = EnvironmentSettings.load(Map.of("MONITORING_HOME", home.toString()));
        assertThat(settings.files().alertRules().usesBuiltIn()).isTrue();
        assertThat(settings.files().alertRules().location()).isEqualTo("built-in alert_rules.yaml");
        assertThat(AlertRulesFile.load(settings.files().alertRules(), Map.of())).isNotEmpty();

        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/alert_rules.yaml"), "rules: []\n");
        assertThat(settings.files().alertRules().usesBuiltIn()).isFalse();
        assertThat(settings.files().alertRules().location())
                .isEqualTo(home.resolve("config/alert_rules.yaml").toString());
        assertThat(AlertRulesFile.load(settings.files().alertRules(), Map.of())).isEmpty();
    }

    @Test
    void everyBuiltInFileIsValid(@TempDir Path home) {
        MonitoringSettings settings = EnvironmentSettings.load(Map.of("MONITORING_HOME", home.toString()));
        assertThat(AlertRulesFile.load(settings.files().alertRules(), Map.of())).hasSize(12);
        assertThat(NotificationsFile.load(settings.files().notifications(), Map.of(), Set.of())
                        .channels())
                .isEmpty();
        assertThat(ComponentsFile.load(settings.files().components(), Map.of(), Set.of()))
                .isEmpty();
    }

    @Test
    void anExplicitlyNamedFileThatIsMissingIsAnErrorNamingPathAndVariable(@TempDir Path home) {
        MonitoringSettings settings =
                EnvironmentSettings.load(Map.of("MONITORING_HOME", home.toString(), "NOTIFICATIONS_FILE", "typo.yaml"));
        assertThatThrownBy(() -> NotificationsFile.load(settings.files().notifications(), Map.of(), Set.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        home.resolve("typo.yaml")
                                                + ": no such file (set by NOTIFICATIONS_FILE; unset it to use the built-in file)"));
    }

    @Test
    void aHomeThatIsNotADirectoryIsRefused() {
        assertThatThrownBy(() -> EnvironmentSettings.load(Map.of("MONITORING_HOME", "/nonexistent/home")))
                .hasMessageContaining("MONITORING_HOME='/nonexistent/home' is invalid: expected an existing directory");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "METRICS_HTTP_PORT | abc | METRICS_HTTP_PORT='abc' is invalid: expected a TCP port from 0 to 65535 (0 picks a free port)",
                "METRICS_HTTP_PORT | 70000 | METRICS_HTTP_PORT='70000' is invalid",
                "METRICS_COLLECTION_INTERVAL | -1 | METRICS_COLLECTION_INTERVAL='-1' is invalid: expected a number of seconds from 0.1 to 86400",
                "METRICS_COLLECTION_INTERVAL | 0 | METRICS_COLLECTION_INTERVAL='0' is invalid",
                "ALERT_EVALUATION_INTERVAL | soon | ALERT_EVALUATION_INTERVAL='soon' is invalid",
                "METRICS_AGGREGATION_WINDOW_SECONDS | NaN | METRICS_AGGREGATION_WINDOW_SECONDS='NaN' is invalid",
                "METRICS_RETENTION_PERIOD_HOURS | 1.5 | METRICS_RETENTION_PERIOD_HOURS='1.5' is invalid: expected a whole number of hours",
                "METRICS_BUFFER_MAX_SIZE | 0 | METRICS_BUFFER_MAX_SIZE='0' is invalid: expected a whole number from 1 to 1000000",
                "MONITORING_DB_URL | postgres://x | MONITORING_DB_URL='postgres://x' is invalid: expected a JDBC URL of H2 or PostgreSQL",
                "METRICS_AGGREGATION_FUNCTIONS | avg,median_ish | METRICS_AGGREGATION_FUNCTIONS='avg,median_ish' is invalid: "
                        + "unknown aggregation function(s) median_ish; allowed: avg, max, min, sum, count, last, p50, p90, p95, p99",
                "METRICS_AGGREGATION_FUNCTIONS | ' , ' | METRICS_AGGREGATION_FUNCTIONS=',' is invalid: name at least one of",
                "ALERT_EVALUATION_INTERVAL | 1e-10 | ALERT_EVALUATION_INTERVAL='1e-10' is invalid: expected a number of seconds from 0.1",
                "METRICS_COLLECTION_INTERVAL | 1e-10 | METRICS_COLLECTION_INTERVAL='1e-10' is invalid: expected a number of seconds from 0.1",
                "METRICS_COLLECTION_INTERVAL | 0.000001 | METRICS_COLLECTION_INTERVAL='0.000001' is invalid",
                "METRICS_AGGREGATION_WINDOW_SECONDS | 0.000001 | METRICS_AGGREGATION_WINDOW_SECONDS='0.000001' is invalid: expected a number of seconds from 1 to 86400",
                "METRICS_RETENTION_PERIOD_HOURS | 3000000000000 | METRICS_RETENTION_PERIOD_HOURS='3000000000000' is invalid: expected a whole number of hours from 1 to 87600",
                "ALERT_RETENTION_HOURS | 3000000000000 | ALERT_RETENTION_HOURS='3000000000000' is invalid: expected a whole number of hours from 1 to 87600",
                "METRICS_DISK_PATH | /nonexistent | METRICS_DISK_PATH='/nonexistent' is invalid: no such file or directory",
                "MONITORING_DB_POOL_SIZE | 0 | MONITORING_DB_POOL_SIZE='0' is invalid: expected a whole number from 1 to 100",
                "MONITORING_DB_TIMEOUT_SECONDS | 0.01 | MONITORING_DB_TIMEOUT_SECONDS='0.01' is invalid: expected a number of seconds from 0.25",
                "NOTIFICATION_DEAD_LETTER_RETENTION_HOURS | 0 | NOTIFICATION_DEAD_LETTER_RETENTION_HOURS='0' is invalid",
                "LOG_LEVEL | chatty | LOG_LEVEL='chatty' is invalid: expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF",
                "LOG_FORMAT | xml | LOG_FORMAT='xml' is invalid: expected text (for people) or json",
                "METRICS_HTTP_HOST | 999.1.1.1 | METRICS_HTTP_HOST='999.1.1.1' is invalid: unknown host",
                "METRICS_HTTP_HOST | 192.0.2.77 | METRICS_HTTP_HOST='192.0.2.77' is invalid: 192.0.2.77 is not an address of this host",
                "MONITORING_INSTANCE | has space | MONITORING_INSTANCE='has space' is invalid: expected 1 to 255 printable ASCII characters",
                "MONITORING_API_TOKEN | tök€n | MONITORING_API_TOKEN is invalid: expected printable ASCII characters without spaces",
                "MONITORING_API_READ_TOKEN | read token | MONITORING_API_READ_TOKEN is invalid: expected printable ASCII characters"
            })
    void aBadValueIsOneLineNamingVariableValueAndWhatIsAllowed(String variable, String value, String message) {
        assertThatThrownBy(() -> EnvironmentSettings.load(Map.of(variable, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().getFirst()).startsWith(message).doesNotContain("\n");
                });
    }

    @Test
    void aWindowLongerThanTheRetentionIsRefusedNamingBoth() {
        assertThatThrownBy(() -> EnvironmentSettings.load(
                        Map.of("METRICS_AGGREGATION_WINDOW_SECONDS", "7200", "METRICS_RETENTION_PERIOD_HOURS", "1")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith("METRICS_AGGREGATION_WINDOW_SECONDS='7200' is invalid")
                                .contains("METRICS_RETENTION_PERIOD_HOURS (1 h)"));
    }

    @Test
    void aDatabaseUrlIsNeverShownWithItsPassword() {
        assertThatThrownBy(
                        () -> EnvironmentSettings.load(Map.of("MONITORING_DB_URL", "mysql://monitor:s3cret@db/m?x=1")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith("MONITORING_DB_URL='mysql://db/m' is invalid")
                                .doesNotContain("s3cret"));
        assertThatThrownBy(() -> EnvironmentSettings.load(
                        Map.of("MONITORING_DB_URL", "jdbc:postgresql://alice:s3cretPW@127.0.0.1:1/db")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith(
                                        "MONITORING_DB_URL='jdbc:postgresql://127.0.0.1:1/db' is invalid: credentials")
                                .doesNotContain("s3cretPW")
                                .doesNotContain("alice"));
        MonitoringSettings settings = EnvironmentSettings.load(
                Map.of("MONITORING_DB_URL", "jdbc:postgresql://db:5432/m?user=monitor&password=s3cret"));
        assertThat(settings.toString()).contains("jdbc:postgresql://db:5432/m").doesNotContain("s3cret");
    }

    @Test
    void everyBadVariableIsReportedAtOnce() {
        assertThatThrownBy(() ->
                        EnvironmentSettings.load(Map.of("METRICS_HTTP_PORT", "abc", "ALERT_RETENTION_HOURS", "-3")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(line -> assertThat(line).startsWith("METRICS_HTTP_PORT='abc'"))
                                .anySatisfy(line -> assertThat(line).startsWith("ALERT_RETENTION_HOURS='-3'"))
                                .hasSize(2));
    }

    @Test
    void blankValuesMeanTheDefault() {
        assertThat(EnvironmentSettings.load(Map.of("METRICS_HTTP_PORT", " "))
                        .http()
                        .port())
                .isEqualTo(8000);
        assertThat(EnvironmentSettings.load(Map.of("MONITORING_API_TOKEN", ""))
                        .http()
                        .apiToken())
                .isEmpty();
    }

    @Test
    void theApiTokenIsRedactedWhenSettingsAreShown() {
        MonitoringSettings settings = EnvironmentSettings.load(Map.of("MONITORING_API_TOKEN", "s3cret-token"));
        assertThat(settings.toString()).doesNotContain("s3cret-token").contains("apiToken=***");
    }
}
