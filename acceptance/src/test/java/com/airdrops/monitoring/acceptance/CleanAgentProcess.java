package com.airdrops.monitoring.acceptance;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/** What every acceptance run of the product shares: a free port, and an environment without the agent's settings. */
final class CleanAgentProcess {
    private CleanAgentProcess() {}

    /** Drops every variable the agent reads from {@code environment}, so the machine's own never leak in. */
    static void withoutAgentSettings(Map<String, String> environment) {
        environment
                .keySet()
                .removeIf(name -> name.startsWith("MONITORING_")
                        || name.startsWith("METRICS_")
                        || name.startsWith("ALERT_")
                        || name.endsWith("_FILE"));
    }

    /**
     * The packaged jar, run by this JVM's java from {@code workDir} with its output in {@code log}, in an
     * environment without the machine's agent settings plus {@code environment}.
     */
    static ProcessBuilder packagedJar(Path workDir, Path log, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        ReadmeTest.ROOT
                                .resolve("bootstrap/target/airdrops-monitoring.jar")
                                .toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        withoutAgentSettings(builder.environment());
        builder.environment().putAll(environment);
        return builder;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
