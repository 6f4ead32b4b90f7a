package com.airdrops.monitoring.benchmarks;

import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.adapters.persistence.DatabaseSettings;
import com.airdrops.monitoring.adapters.persistence.JdbiAggregateStore;
import com.airdrops.monitoring.adapters.persistence.JdbiAlertRepository;
import com.airdrops.monitoring.adapters.persistence.JdbiNotificationOutbox;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertFingerprint;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many agents one PostgreSQL carries: N simulated agents, each with its own {@link Database} (its own pools, as
 * a real agent has) and its own instance, save alert passes back to back through the real JDBI adapters. A pass is
 * what a busy evaluation writes: two alerts changing state (state upserts, two history rows), one notification to
 * deliver (claimed, then marked sent), and every fifth pass a closed window of 30 aggregates. Reports passes per
 * second, p50/p99 pass latency and the connections the agents hold.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.airdrops.monitoring.benchmarks.FleetCapacity \
 *     'jdbc:postgresql://127.0.0.1:5432/db?user=u&amp;password=p' 10,25,45 20
 * </pre>
 */
public final class FleetCapacity {
    private FleetCapacity() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int[] fleets =
                Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        Duration run = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 20);
        System.out.println("| Agents | Passes/s | p50 pass | p99 pass | Failed passes | Connections (busy / held) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int agents : fleets) {
            measure(freshSchema(base), agents, run);
        }
    }

    private static void measure(String url, int agents, Duration run) throws Exception {
        List<Database> databases = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            databases.add(Database.open(new DatabaseSettings(url, 1, DatabaseSettings.DEFAULT_TIMEOUT, "agent-" + i)));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(agents);
        int[] connections = {0, 0};
        for (Database database : databases) {
            Thread.ofPlatform().start(() -> {
                try {
                    agent(database, running, latencies, failures);
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(run.toMillis() / 2); // the benchmark's own clock: the agents run meanwhile
        connections = connections(url);
        Thread.sleep(run.toMillis() - run.toMillis() / 2);
        running.set(false);
        done.await();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "| %d | %.0f | %.1f ms | %.1f ms | %d | %d / %d |%n",
                agents,
                sorted.length / (double) run.toSeconds(),
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6,
                failures.get(),
                connections[0],
                connections[1]);
        databases.forEach(Database::close);
    }

    /** One simulated agent: passes back to back until told to stop. */
    private static void agent(
            Database database, AtomicBoolean running, ConcurrentLinkedQueue<Long> latencies, AtomicInteger failures) {
        JdbiAlertRepository alerts = new JdbiAlertRepository(database);
        JdbiNotificationOutbox outbox = new JdbiNotificationOutbox(database);
        JdbiAggregateStore aggregates = new JdbiAggregateStore(database, 100_000);
        long pass = 0;
        while (running.get()) {
            Instant now = Instant.now();
            long started = System.nanoTime();
            try {
                alerts.save(pass(now, pass));
                for (OutboxEntry entry : outbox.claimDue("hook", now, now.plusSeconds(60), 10)) {
                    outbox.markSent(entry.id(), 1, now);
                }
                if (pass % 5 == 0) {
                    aggregates.append(window(now));
                }
                latencies.add(System.nanoTime() - started);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
            pass++;
        }
    }

    private static AlertChanges pass(Instant now, long pass) {
        List<ActiveAlert> upserts = new ArrayList<>();
        List<Alert> transitions = new ArrayList<>();
        for (String rule : List.of("cpu_high", "risk_level_critical")) {
            Map<String, String> labels = Map.of("component", "c" + (pass % 7));
            upserts.add(new ActiveAlert(
                    AlertFingerprint.of(rule, labels),
                    rule,
                    "metric",
                    labels,
                    labels,
                    AlertSeverity.HIGH,
                    new Firing(now.minusSeconds(5), now),
                    95,
                    90,
                    "load test"));
            transitions.add(new Alert(
                    rule,
                    "metric",
                    95,
                    90,
                    AlertSeverity.HIGH,
                    new Firing(now.minusSeconds(5), now),
                    "load test",
                    now,
                    labels));
        }
        Notification notification = new Notification(UUID.randomUUID().toString(), "hook", transitions, 0);
        return new AlertChanges(upserts, List.of(), transitions, List.of(notification));
    }

    private static List<AggregatedMetric> window(Instant now) {
        List<AggregatedMetric> window = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            window.add(new AggregatedMetric("metric_" + (i % 10), i, now, Map.of(), i < 10 ? "avg" : "max"));
        }
        return window;
    }

    private static int[] connections(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FILTER (WHERE state = 'active'), COUNT(*) "
                        + "FROM pg_stat_activity WHERE application_name = 'airdrops-monitoring'")) {
            rows.next();
            return new int[] {rows.getInt(1), rows.getInt(2)};
        }
    }

    private static String freshSchema(String base) throws Exception {
        String schema = "fleet_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(base);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, sorted.length * quantile)];
    }
}
