package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The status page's three files, read from the jar once and kept in memory, plain and gzipped, each with an ETag.
 * Serving them from memory instead of Jetty's resource handler avoids opening the jar as a file system at start-up
 * (a tenth of a second), and no request ever touches the disk.
 */
final class StatusPageFiles {
    private static final String DIRECTORY = "/status-page/";
    /** Only the agent's own files and API: no inline script, no other origin, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** Each served path and its file. */
    private final Map<String, File> files;

    record File(String contentType, byte[] plain, byte[] gzipped, String etag) {}

    private StatusPageFiles(Map<String, File> files) {
        this.files = files;
    }

    /** Reads {@code index.html}, {@code status.js} and {@code status.css} from the classpath. */
    static StatusPageFiles fromClasspath() {
        File index = read("index.html", "text/html; charset=utf-8");
        return new StatusPageFiles(Map.of(
                "/",
                index,
                "/index.html",
                index,
                "/status.js",
                read("status.js", "text/javascript; charset=utf-8"),
                "/status.css",
                read("status.css", "text/css; charset=utf-8")));
    }

    List<String> paths() {
        return files.keySet().stream().sorted().toList();
    }

    /** Answers a GET (or HEAD) of one of {@link #paths()}: 304 when the ETag matches, gzip when accepted. */
    void serve(Context ctx) {
        File file = files.get(ctx.path());
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("ETag", file.etag());
        if (matches(ctx.header("If-None-Match"), file.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.contentType());
        String accepted = ctx.header("Accept-Encoding");
        if (accepted != null && accepted.contains("gzip")) {
            // Already compressed: Javalin's own compression leaves a body with a Content-Encoding alone.
            ctx.header("Content-Encoding", "gzip");
            ctx.result(file.gzipped());
        } else {
            ctx.result(file.plain());
        }
    }

    /** RFC 9110 13.1.2: {@code *} or any listed tag (weak comparison) matches. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals("*") || trimmed.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static File read(String name, String contentType) {
        try (InputStream in = StatusPageFiles.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + DIRECTORY + name);
            }
            byte[] plain = in.readAllBytes();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.length / 3);
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(plain);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
            String etag = "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
            return new File(contentType, plain, compressed.toByteArray(), etag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIRECTORY + name + " from the jar", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
