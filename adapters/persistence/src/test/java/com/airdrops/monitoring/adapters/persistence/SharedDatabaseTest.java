package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fixtures.Alerts;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.NamedInstance;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents of different instances on one database: each reads, restores, prunes, caps and delivers only its own
 * rows, and a database written before instances existed is upgraded in place, its rows given to the upgrading agent.
 */
class SharedDatabaseTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    abstract class Scenarios {
        abstract String url();

        private Database open(String url, String instance) {
            Database database = Database.open(new DatabaseSettings(url, 2, DatabaseSettings.DEFAULT_TIMEOUT, instance));
            opened.add(database);
            return database;
        }

        @Test
        void eachAgentSeesRestoresAndDeletesOnlyItsOwnRows() {
            String url = url();
            Database a = open(url, "bot-a");
            Database b = open(url, "bot-b");
            JdbiAlertRepository alertsA = new JdbiAlertRepository(a);
            JdbiAlertRepository alertsB = new JdbiAlertRepository(b);
            ActiveAlert firing = firing();
            alertsA.save(changes(
                    List.of(firing), List.of(), new Notification("event-a", "hook", List.of(Alerts.firing()), 0)));
            alertsB.save(changes(
                    List.of(firing), List.of(), new Notification("event-b", "hook", List.of(Alerts.firing()), 0)));

            // A resolves: B's state with the same fingerprint stays.
            alertsA.save(changes(List.of(), List.of(firing.fingerprint())));
            assertThat(alertsA.loadActive()).isEmpty();
            assertThat(alertsB.loadActive())
                    .extracting(ActiveAlert::fingerprint)
                    .containsExactly(firing.fingerprint());

            // Each sees its own history by default; * shows both, a name shows that agent's.
            Instant since = Alerts.PENDING.minusSeconds(1);
            assertThat(alertsA.history(since, 10)).as("A fired and resolved").hasSize(2);
            assertThat(alertsA.history(since, 10, InstanceScope.ALL)).hasSize(3);
            assertThat(alertsA.history(since, 10, new NamedInstance("bot-b"))).hasSize(1);

            // B's retention leaves A's history alone.
            assertThat(alertsB.deleteHistoryOlderThan(NOW)).isEqualTo(1);
            assertThat(alertsA.history(since, 10)).hasSize(2);

            // Each delivers only its own outbox rows.
            JdbiNotificationOutbox outboxA = new JdbiNotificationOutbox(a);
            JdbiNotificationOutbox outboxB = new JdbiNotificationOutbox(b);
            assertThat(outboxA.claimDue("hook", NOW, NOW.plusSeconds(60), 10))
                    .extracting(entry -> entry.notification().eventId())
                    .containsExactly("event-a");
            assertThat(outboxB.claimDue("hook", NOW, NOW.plusSeconds(60), 10))
                    .extracting(entry -> entry.notification().eventId())
                    .containsExactly("event-b");
            assertThat(outboxA.depth()).isEqualTo(1);
            assertThat(outboxB.prune(NOW.plusSeconds(3600), NOW.plusSeconds(3600)))
                    .isZero();
        }

        @Test
        void oneAgentsAggregateBoundAndRetentionNeverTouchAnothersRows() {
            String url = url();
            JdbiAggregateStore a = new JdbiAggregateStore(open(url, "bot-a"), 1_000);
            JdbiAggregateStore b = new JdbiAggregateStore(open(url, "bot-b"), 20);
            a.append(aggregates(50, NOW));
            b.append(aggregates(50, NOW));

            assertThat(a.query(NOW.minusSeconds(1), NOW.plusSeconds(1), "", 1_000))
                    .hasSize(50);
            assertThat(b.query(NOW.minusSeconds(1), NOW.plusSeconds(1), "", 1_000))
                    .hasSize(20);
            assertThat(b.samples(NOW))
                    .singleElement()
                    .satisfies(sample -> assertThat(sample.value()).isEqualTo(30));
            assertThat(a.samples(NOW))
                    .singleElement()
                    .satisfies(sample -> assertThat(sample.value()).isZero());

            assertThat(b.deleteOlderThan(NOW.plusSeconds(1))).isEqualTo(20);
            assertThat(a.query(NOW.minusSeconds(1), NOW.plusSeconds(1), "", 1_000))
                    .hasSize(50);
        }

        @Test
        void aDatabaseFromBeforeInstancesIsUpgradedAndItsRowsGoToTheUpgradingAgent() throws Exception {
            String url = url();
            Flyway.configure()
                    .dataSource(new UrlDataSource(url))
                    .locations("classpath:db/migration")
                    .target("5")
                    .load()
                    .migrate();
            try (Connection connection = DriverManager.getConnection(url);
                    Statement statement = connection.createStatement()) {
                statement.execute(
                        "INSERT INTO alert_state (fingerprint, rule_name, metric_name, series_labels, labels, "
                                + "severity, status, current_value, threshold, description, pending_since, firing_since) VALUES "
                                + "('f1', 'risk', 'risk_level', '{}', '{}', 'CRITICAL', 'FIRING', 3, 3, 'd', 1000, 2000)");
                statement.execute(
                        "INSERT INTO aggregates (metric_name, labels, aggregation_type, agg_value, window_end) "
                                + "VALUES ('cpu_avg', '{}', 'avg', 1.5, " + NOW.toEpochMilli() + ")");
            }

            Database upgraded = open(url, "old-host");
            assertThat(new JdbiAlertRepository(upgraded).loadActive())
                    .singleElement()
                    .satisfies(alert -> assertThat(alert.fingerprint()).isEqualTo("f1"));
            assertThat(new JdbiAggregateStore(upgraded, 10).query(NOW.minusSeconds(1), NOW, "", 10))
                    .hasSize(1);
            assertThat(new JdbiAlertRepository(open(url, "new-host")).loadActive())
                    .isEmpty();
        }
    }

    @Nested
    class OnH2File extends Scenarios {
        @TempDir
        Path dir;

        @Override
        String url() {
            return "jdbc:h2:file:" + dir.resolve("shared") + ";AUTO_SERVER=FALSE";
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        @Override
        String url() {
            return TestPostgres.freshSchemaUrlOrFail();
        }
    }

    private static ActiveAlert firing() {
        return new ActiveAlert(
                "fp-risk",
                "risk_level_critical",
                "risk_level",
                Map.of(),
                Map.of(),
                AlertSeverity.CRITICAL,
                new Firing(Alerts.PENDING, Alerts.FIRED),
                3,
                3,
                "critical");
    }

    private static AlertChanges changes(
            List<ActiveAlert> upserts, List<String> removed, Notification... notifications) {
        return new AlertChanges(
                upserts,
                removed,
                upserts.isEmpty() ? List.of(Alerts.resolved()) : List.of(Alerts.firing()),
                List.of(notifications));
    }

    private static List<AggregatedMetric> aggregates(int count, Instant at) {
        List<AggregatedMetric> aggregates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            aggregates.add(new AggregatedMetric("cpu_avg", i, at.minus(Duration.ofMillis(count - i)), Map.of(), "avg"));
        }
        return aggregates;
    }
}
