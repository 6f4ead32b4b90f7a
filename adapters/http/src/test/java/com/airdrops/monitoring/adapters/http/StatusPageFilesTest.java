package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StatusPageFilesTest {
    private static final String HTML = """
            <!doctype html>
            <html><head>
            <link rel="stylesheet" href="status.css">
            <script src="status.js" defer></script>
            </head>
            <body><p id="x"></p>
            </body></html>
            """;

    @Test
    void theStyleAndScriptAreWrittenIntoThePageAndAllowedByTheirHashesOnly() throws Exception {
        StatusPageFiles page = StatusPageFiles.inline(HTML, "p { color: red; }", "document.title = 'x';");

        assertThat(page.paths()).containsExactly("/", "/index.html");
        String policy = page.contentSecurityPolicy();
        assertThat(policy)
                .contains("script-src 'sha256-" + sha256("document.title = 'x';") + "';")
                .contains("style-src 'sha256-" + sha256("p { color: red; }") + "';")
                .doesNotContain("unsafe-inline");
        String html = new String(page.file("/").plain(), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("<style>p { color: red; }</style>")
                .doesNotContain("status.js", "status.css")
                // After the body's content, where the deferred script ran.
                .containsPattern("<p id=\"x\"></p>\\s*<script>document.title = 'x';</script>\\s*</body>");
    }

    @Test
    void contentThatWouldCloseItsTagEarlyIsRefusedAtStart() {
        assertThatThrownBy(() -> StatusPageFiles.inline(HTML, "", "const s = '</SCRIPT>';"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closing tag");
        assertThatThrownBy(() -> StatusPageFiles.inline("<html><body></body></html>", "", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("script tag");
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
