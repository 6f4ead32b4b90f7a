package com.airdrops.monitoring.bootstrap;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * Tells, before anything else is opened, whether the HTTP port can be bound at all. It binds a socket that does not
 * listen: a listening one would take a scraper's connection in that instant and reset it when closed.
 */
final class PortCheck {
    private PortCheck() {}

    /** Why {@code host:port} cannot be bound now, or empty when it can (port 0 always can). */
    static Optional<String> busy(String host, int port) {
        if (port == 0) {
            return Optional.empty();
        }
        // As the server binds it (address reuse on), so a port left in TIME_WAIT is free, and one listened on is not.
        try (SocketChannel socket = SocketChannel.open()) {
            socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
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
