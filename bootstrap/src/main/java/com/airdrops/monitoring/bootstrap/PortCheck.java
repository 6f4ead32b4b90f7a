package com.airdrops.monitoring.bootstrap;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/** Tells, before anything else is opened, whether the HTTP port can be bound at all. */
final class PortCheck {
    private PortCheck() {}

    /** Why {@code host:port} cannot be bound now, or empty when it can (port 0 always can). */
    static Optional<String> busy(String host, int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (BindException e) {
            boolean inUse = String.valueOf(e.getMessage()).contains("in use");
            return Optional.of("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + (inUse
                            ? " (is another agent or program using the port? set METRICS_HTTP_PORT)"
                            : " (check METRICS_HTTP_HOST)"));
        } catch (IOException e) {
            return Optional.of("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
    }
}
