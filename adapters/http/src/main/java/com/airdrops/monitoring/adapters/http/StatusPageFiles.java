package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The status page: {@code index.html} with {@code status.css} written into it, and the page's script as six ES
 * modules under {@code /ui/} (the page preloads them all at once: one round of a browser's six connections), built
 * from the jar's files once at start and kept in memory, plain and gzipped, each with its ETag, so no request ever
 * touches the jar. The inline style is allowed by its SHA-256 in the Content-Security-Policy, and scripts only from
 * the agent itself: nothing inline can run.
 */
final class StatusPageFiles {
    private static final String DIRECTORY = "/status-page/";
    private static final String STYLESHEET_LINK = "<link rel=\"stylesheet\" href=\"status.css\">";
    private static final String SCRIPT_TAG = "<script type=\"module\" src=\"ui/main.js\"></script>";
    /** The page's modules, {@code ui/<name>.js}; a test checks that every import names one of them. */
    static final List<String> MODULES = List.of("main", "core", "actions", "collected", "alerting", "agent");

    private final Map<String, PageFile> files;
    private final String contentSecurityPolicy;

    private StatusPageFiles(Map<String, PageFile> files, String contentSecurityPolicy) {
        this.files = files;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** The page on the classpath, built once (every server of the process serves the same files). */
    static StatusPageFiles classpath() {
        return Classpath.FILES;
    }

    private static final class Classpath {
        static final StatusPageFiles FILES = fromClasspath();
    }

    /** Builds the page from {@code index.html}, {@code status.css} and the modules on the classpath. */
    static StatusPageFiles fromClasspath() {
        Map<String, String> modules = new LinkedHashMap<>();
        for (String module : MODULES) {
            modules.put(module, text("ui/" + module + ".js"));
        }
        return of(text("index.html"), text("status.css"), modules);
    }

    /** The page with {@code css} in place of its style sheet link, and {@code modules} (name to source) beside it. */
    static StatusPageFiles of(String html, String css, Map<String, String> modules) {
        if (!html.contains(STYLESHEET_LINK) || !html.contains(SCRIPT_TAG)) {
            throw new IllegalStateException("index.html lacks its style sheet link or module script tag");
        }
        if (css.toLowerCase(Locale.ROOT).contains("</style")) {
            throw new IllegalStateException("status.css contains a closing tag and cannot be inlined");
        }
        String page = html.replace(STYLESHEET_LINK, "<style>" + css + "</style>");
        // Only the agent's own API and scripts, this page's own style, no framing, no plugins, no other origin.
        String policy = "default-src 'self'; script-src 'self'; style-src " + hashSource(css)
                + "; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                + " frame-ancestors 'none'; form-action 'self'";
        PageFile index = file(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        Map<String, PageFile> files = new LinkedHashMap<>(Map.of("/", index, "/index.html", index));
        modules.forEach((name, source) -> files.put(
                "/ui/" + name + ".js",
                file(source.getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8")));
        return new StatusPageFiles(Map.copyOf(files), policy);
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    PageFile file(String path) {
        return files.get(path);
    }

    List<String> paths() {
        return files.keySet().stream().sorted().toList();
    }

    /**
     * Answers a GET or HEAD of one of {@link #paths()} (a trailing slash is ignored, as by the routes): 304 when the
     * ETag matches, gzip when the client accepts it. Each representation has its own ETag.
     */
    void serve(Context ctx) {
        String path = ctx.path().replaceAll("/+$", "");
        PageFile file = files.get(path.isEmpty() ? "/" : path);
        if (file == null) {
            ApiError.respond(ctx, 404, "no such endpoint");
            return;
        }
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        String etag = gzip ? file.etag().replaceFirst("\"$", "-gzip\"") : file.etag();
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("ETag", etag);
        ctx.contentType(file.contentType());
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        if (gzip) {
            // Already compressed: Javalin's own compression leaves a body with a Content-Encoding alone.
            ctx.header("Content-Encoding", "gzip");
            ctx.result(file.gzipped());
        } else {
            ctx.result(file.plain());
        }
    }

    /** Whether {@code Accept-Encoding} lists gzip with a quality above 0 (RFC 9110 12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            if (!parts[0].trim().equalsIgnoreCase("gzip")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        return Double.parseDouble(parameter.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
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

    private static String text(String name) {
        try (InputStream in = StatusPageFiles.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + DIRECTORY + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIRECTORY + name + " from the jar", e);
        }
    }

    private static PageFile file(byte[] plain, String contentType) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress the status page", e);
        }
        String etag = "\"" + HexFormat.of().formatHex(Sha256.of(plain), 0, 12) + "\"";
        return new PageFile(contentType, plain, compressed.toByteArray(), etag);
    }

    /** A CSP source allowing exactly this inline content. */
    private static String hashSource(String content) {
        return "'sha256-" + Base64.getEncoder().encodeToString(Sha256.of(content)) + "'";
    }
}
