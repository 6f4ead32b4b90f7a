package com.airdrops.monitoring.acceptance;

import java.io.IOException;
import java.net.ServerSocket;
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
