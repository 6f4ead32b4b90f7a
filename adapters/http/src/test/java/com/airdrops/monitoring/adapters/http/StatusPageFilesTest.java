package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatusPageFilesTest {
    private static final String HTML = """
            <!doctype html>
            <html><head>
            <link rel="stylesheet" href="status.css">
            <script type="module" src="ui/main.js"></script>
            </head>
            <body><p id="x"></p>
            </body></html>
            """;

    @Test
    void theStyleIsWrittenIntoThePageAndTheModulesServedBesideIt() throws Exception {
        StatusPageFiles page = StatusPageFiles.of(
                HTML,
                "p { color: red; }",
                Map.of("main", "import { x } from \"./dom.js\";", "dom", "export const x = 1;"));

        assertThat(page.paths()).containsExactly("/", "/index.html", "/ui/dom.js", "/ui/main.js");
        assertThat(page.contentSecurityPolicy())
                .contains("script-src 'self';")
                .contains("style-src 'sha256-" + sha256("p { color: red; }") + "';")
                .doesNotContain("unsafe-inline");
        String html = new String(page.file("/").plain(), StandardCharsets.UTF_8);
        assertThat(html).contains("<style>p { color: red; }</style>").doesNotContain("status.css");
        assertThat(page.file("/ui/dom.js").contentType()).startsWith("text/javascript");
    }

    @Test
    void contentThatWouldCloseItsTagEarlyIsRefusedAtStart() {
        assertThatThrownBy(() -> StatusPageFiles.of(HTML, "p {} </STYLE>", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closing tag");
        assertThatThrownBy(() -> StatusPageFiles.of("<html><body></body></html>", "", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("script tag");
    }

    @Test
    void theJarsPageIsBuiltOnceWhicheverThreadAsksFirst() throws Exception {
        // The agent has JavalinHttpServer.preload() build it on a thread of its own while it starts; the server then
        // takes the same files instead of building them again.
        CompletableFuture<StatusPageFiles> preloaded = CompletableFuture.supplyAsync(() -> {
            JavalinHttpServer.preload();
            return StatusPageFiles.classpath();
        });
        StatusPageFiles taken = StatusPageFiles.classpath();

        assertThat(preloaded.get(30, TimeUnit.SECONDS)).isSameAs(taken);
        assertThat(taken.paths()).contains("/", "/ui/main.js");
    }

    @Test
    void everyModuleThePageImportsOrPreloadsIsServed() {
        StatusPageFiles page = StatusPageFiles.fromClasspath();
        Pattern reference = Pattern.compile("(?:from \"\\./|href=\"ui/|src=\"ui/)([\\w-]+)\\.js\"");
        List<String> sources = new ArrayList<>();
        sources.add(new String(page.file("/").plain(), StandardCharsets.UTF_8));
        StatusPageFiles.MODULES.forEach(module ->
                sources.add(new String(page.file("/ui/" + module + ".js").plain(), StandardCharsets.UTF_8)));
        Set<String> referenced = new TreeSet<>();
        for (String source : sources) {
            Matcher matcher = reference.matcher(source);
            while (matcher.find()) {
                referenced.add(matcher.group(1));
            }
        }
        assertThat(referenced).containsExactlyInAnyOrderElementsOf(StatusPageFiles.MODULES);
    }

    private static String sha256(String content) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void gzipIsAcceptedOnlyWhenListedWithAQualityAboveZero() {
        assertThat(StatusPageFiles.acceptsGzip("gzip")).isTrue();
        assertThat(StatusPageFiles.acceptsGzip("br, GZIP;q=0.5")).isTrue();
        assertThat(StatusPageFiles.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(StatusPageFiles.acceptsGzip("gzip; q=0.000, identity")).isFalse();
        assertThat(StatusPageFiles.acceptsGzip("gzip;q=abc")).isFalse();
        assertThat(StatusPageFiles.acceptsGzip("identity")).isFalse();
        assertThat(StatusPageFiles.acceptsGzip("x-gzip-like")).isFalse();
        assertThat(StatusPageFiles.acceptsGzip(null)).isFalse();
    }
}
