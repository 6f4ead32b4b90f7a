package com.airdrops.monitoring.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 over a plain socket, for requests that no well-behaved client would send. */
final class RawHttp {
    private RawHttp() {}

    /** One answer; status -1 when the server closed the connection without answering. */
    record Response(int status, Map<String, String> headers, String body, Duration elapsed) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends the request (ISO-8859-1) and reads one answer, waiting at most {@code timeout}. */
    static Response exchange(int port, String request, Duration timeout) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeout);
    }

    static Response exchange(int port, byte[] request, Duration timeout) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything; the answer is still there.
            }
            return read(socket.getInputStream(), started);
        }
    }

    /** Reads one answer; a read timeout is an {@link SocketTimeoutException}, a reset counts as closed. */
    static Response read(InputStream in, long startedNanos) throws IOException {
        String head;
        try {
            head = readHead(in);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            head = null;
        }
        if (head == null) {
            return new Response(-1, Map.of(), "", Duration.ofNanos(System.nanoTime() - startedNanos));
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        return new Response(
                status,
                headers,
                new String(body, StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
        }
        return head.substring(0, head.length() - 4);
    }
}
