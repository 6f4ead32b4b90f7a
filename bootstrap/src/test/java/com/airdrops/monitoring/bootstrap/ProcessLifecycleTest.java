package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.adapters.persistence.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link Main} as a real process: exit codes on bad configuration and a clean stop on SIGTERM. */
class ProcessLifecycleTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void aBadPortExitsWithStatus2AndOneLineNamingTheVariable() throws Exception {
        Process process = start(Map.of("METRICS_HTTP_PORT", "abc"));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.lines().filter(line -> !line.startsWith("WARNING:")).toList())
                .containsExactly("airdrops-monitoring: configuration error: METRICS_HTTP_PORT='abc' is invalid: "
                        + "expected a TCP port from 0 to 65535 (0 picks a free port)");
    }

    @Test
    void sigtermStopsTheServiceCleanlyWithStatus0() throws Exception {
        Process process = start(TestEnvironment.agent(dir));
        List<String> lines = sigtermAfter(process, "Airdrops Monitoring started");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("metrics at http://127.0.0.1:"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Airdrops Monitoring stopped"));
        assertThat(process.exitValue())
                .as("a clean stop is a success, for systemd too")
                .isZero();
    }

    @Test
    void sigtermDuringTheFirstSchemaMigrationWaitsForItSoTheNextStartOpensTheDatabase() throws Exception {
        Process first = start(TestEnvironment.agent(dir));
        // The last summary line comes just before the database is opened and, on a fresh home, migrated.
        List<String> lines = sigtermAfter(first, "MonitoringAgent - Channel types");

        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Airdrops Monitoring stopped"));
        Process second = start(TestEnvironment.agent(dir));
        List<String> again = sigtermAfter(second, "Airdrops Monitoring started");
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(again)
                .as("the second start on the same database")
                .anySatisfy(line -> assertThat(line).contains("Airdrops Monitoring started"));
    }

    @Test
    void sigtermDuringStartUpAlsoEndsWithStatus0() throws Exception {
        Process process = start(TestEnvironment.agent(dir));
        // SIGTERM before the database is open and anything listens.
        List<String> lines = sigtermAfter(process, "MonitoringAgent - Home ");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SIGTERM received: stopping"));
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void sigtermWhileTheDatabaseDoesNotAnswerStopsAtOnceNotAfterTheDatabaseTimeout() throws Exception {
        // A server that accepts connections and never answers: the start waits for it up to the database timeout.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> environment = new HashMap<>(TestEnvironment.agent(
                    dir,
                    "MONITORING_DB_URL",
                    "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/monitoring?user=agent&password=secret",
                    "MONITORING_DB_TIMEOUT_SECONDS",
                    "120"));
            Process process = start(environment);
            List<String> lines = sigtermAfter(process, "Answering on ");

            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped well before the database timeout (120 s) and systemd's stop timeout (60 s)")
                    .isTrue();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isZero();
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("Airdrops Monitoring stopped"));
            assertThat(stderr)
                    .as("a start cut short by the stop has not failed")
                    .doesNotContain("failed");
        }
    }

    @Test
    void sigtermDuringAMigrationOnAFrozenServerStopsAfterTheGraceAndTheNextStartMigrates() throws Exception {
        String url = TestPostgres.freshSchemaUrl() + "&sslmode=disable"; // the proxy reads the statements
        try (FreezableProxy proxy = FreezableProxy.inFrontOf(url)) {
            // The first migration's first statement never reaches the server: it waits for its answer (5 minutes).
            proxy.freezeWhenSent("CREATE TABLE alert_state");
            String proxied = proxy.url();
            Process first = start(TestEnvironment.agent(dir, "MONITORING_DB_URL", proxied));
            List<String> lines = sigtermAfter(first, "Migrating schema");

            assertThat(first.waitFor(StopSignals.MIGRATION_GRACE.plusSeconds(20).toSeconds(), TimeUnit.SECONDS))
                    .isTrue();
            assertThat(first.exitValue()).isZero();
            assertThat(lines)
                    .anySatisfy(line -> assertThat(line)
                            .contains("Stopping once the database schema migration in progress has finished"))
                    .anySatisfy(line -> assertThat(line)
                            .contains("Stopping during the database schema migration after 10 s: it is rolled back"))
                    .noneSatisfy(line -> assertThat(line).contains("\tat "));

            proxy.freezeWhenSent(null);
            proxy.thaw();
            Process second = start(TestEnvironment.agent(dir, "MONITORING_DB_URL", proxied));
            List<String> again = sigtermAfter(second, "Airdrops Monitoring started");
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(again).anySatisfy(line -> assertThat(line).contains("Migrated the database at"));
        }
    }

    /** Reads the agent's output until a line contains {@code marker}, sends SIGTERM, and returns every line. */
    private static List<String> sigtermAfter(Process process, String marker) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains(marker)) {
                lines.add(line);
            }
            assertThat(line).as("a line with '%s', after %s", marker, lines).isNotNull();
            lines.add(line);
            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void aBusyPortIsReportedAsTheBusyPortNotAsTheDatabaseLock() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> environment = new HashMap<>(TestEnvironment.agent(dir));
            environment.put("METRICS_HTTP_PORT", String.valueOf(taken.getLocalPort()));
            Process process = start(environment);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(stderr)
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("lock");
        }
    }

    private static Process start(Map<String, String> environment) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // As the jar's manifest does (Enable-Native-Access): the host probe's JNA calls System.load.
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName());
        builder.environment()
                .keySet()
                .removeIf(
                        key -> key.startsWith("METRICS_") || key.startsWith("ALERT_") || key.startsWith("MONITORING_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
