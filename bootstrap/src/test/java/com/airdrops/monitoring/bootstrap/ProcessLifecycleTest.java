package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("Airdrops Monitoring started")) {
                lines.add(line);
            }
            assertThat(line).as("start-up line, after %s", lines).contains("metrics at http://127.0.0.1:");

            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Airdrops Monitoring stopped"));
        assertThat(process.exitValue())
                .as("a clean stop is a success, for systemd too")
                .isZero();
    }

    @Test
    void sigtermDuringStartUpAlsoEndsWithStatus0() throws Exception {
        Process process = start(TestEnvironment.agent(dir));
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("MonitoringAgent - Home ")) {
                lines.add(line);
            }
            assertThat(line).as("the start-up summary, after %s", lines).isNotNull();

            process.toHandle().destroy(); // SIGTERM before the database is open and anything listens
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SIGTERM received: stopping"));
        assertThat(process.exitValue()).isZero();
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
        ProcessBuilder builder =
                new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment()
                .keySet()
                .removeIf(
                        key -> key.startsWith("METRICS_") || key.startsWith("ALERT_") || key.startsWith("MONITORING_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
