package com.airdrops.monitoring.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on loopback that can stop forwarding without closing anything: to its clients the server behind it
 * looks frozen, like a database stopped with SIGSTOP. Connections opened while frozen hang too.
 */
final class FreezableProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final AtomicBoolean frozen = new AtomicBoolean();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private volatile String marker;

    /** The server a JDBC URL names: {@code //host:port/}. */
    private static final Pattern SERVER = Pattern.compile("//([^/:?]+):(\\d+)/");

    private String jdbcUrl;

    /** A proxy in front of the database server {@code jdbcUrl} names; {@link #url()} reaches it through the proxy. */
    static FreezableProxy inFrontOf(String jdbcUrl) throws IOException {
        Matcher server = SERVER.matcher(jdbcUrl);
        if (!server.find()) {
            throw new IllegalArgumentException("no //host:port/ in " + jdbcUrl);
        }
        FreezableProxy proxy = new FreezableProxy(server.group(1), Integer.parseInt(server.group(2)));
        proxy.jdbcUrl = jdbcUrl;
        return proxy;
    }

    /** The JDBC URL given to {@link #inFrontOf}, with this proxy in the place of its server. */
    String url() {
        return SERVER.matcher(jdbcUrl).replaceFirst("//127.0.0.1:" + port() + "/");
    }

    FreezableProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("proxy-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    void freeze() {
        frozen.set(true);
    }

    /**
     * Freezes as soon as a client sends {@code marker} (a statement's text: the connection must not use TLS), before
     * forwarding it: the server never receives it.
     */
    void freezeWhenSent(String marker) {
        this.marker = marker;
    }

    void thaw() {
        synchronized (frozen) {
            frozen.set(false);
            frozen.notifyAll();
        }
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            awaitThaw();
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            sockets.add(upstream);
            Thread.ofVirtual().start(() -> pump(client, upstream));
            pump(upstream, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                String freezeOn = marker;
                if (freezeOn != null && new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains(freezeOn)) {
                    freeze();
                }
                awaitThaw();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed: close the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (frozen) {
            while (frozen.get() && open) {
                frozen.wait(1_000);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        thaw();
        server.close();
        sockets.forEach(FreezableProxy::closeQuietly);
    }
}
