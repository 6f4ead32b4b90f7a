package com.airdrops.monitoring.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page of the packaged jar in a real headless Chromium: with a polled component, a firing alert and a
 * dead letter, the page shows them; silencing from the page with the token silences the alert (checked through the
 * API); when the agent stops, the page says it cannot reach it. Screenshots at desktop and phone widths go to
 * {@code target/screenshots}, and the first render's time to {@code target/screenshots/first-render.txt}.
 */
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String TOKEN = "page-test-token";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    private final List<HttpServer> servers = new ArrayList<>();
    private Process agent;
    private WebDriver browser;
    private int port;

    @BeforeEach
    void chromium() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (./test.sh installs them)");
    }

    @AfterEach
    void stop() throws InterruptedException, IOException {
        Path log = dir.resolve("agent.log");
        if (Files.exists(log)) {
            // Kept for a failure's report: the agent's own account of the run.
            System.out.println(Files.readString(log));
        }
        if (browser != null) {
            browser.quit();
        }
        if (agent != null && agent.isAlive()) {
            agent.destroy();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void thePageShowsTheAgentSilencesFromTheBrowserAndSaysWhenTheAgentIsGone() throws Exception {
        int bot = serve(
                200,
                "{\"status\": \"healthy\", \"risk_level\": \"critical\", \"portfolio_value_usd\": 1520.5,"
                        + " \"circuit_breaker_active\": true}");
        int receiver = serve(400, "{\"error\": \"no such hook\"}");
        startAgent(bot, receiver, Map.of());
        awaitApi("/api/v1/alerts", body -> body.contains("\"status\":\"firing\""));
        awaitApi("/api/v1/notifications/dead", body -> body.contains("\"rule_name\":\"risk_critical\""));

        browser = chromium(1280, 1500);
        // The browser's own start is not the page's: it opens a blank page first, as a browser already running would.
        browser.get("about:blank");
        browser.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String component = wait.until(driver -> text("#components tr[data-component='bot_risk']"));
        assertThat(component).contains("bot_risk", "risk_manager", "healthy", "critical", "open");
        String alert = text("#alerts tr[data-rule='risk_critical']");
        assertThat(alert)
                .contains("critical", "firing", "Risk critical: the bot reports 3")
                .doesNotContain("{{");
        wait.until(driver -> text("#history tr[data-rule='risk_critical']"));
        String dead = wait.until(driver -> text("#dead tr[data-dead-letter]"));
        assertThat(dead).contains("hook", "risk_critical", "HTTP 400");
        String facts = wait.until(driver -> {
            String agent = text("#agent");
            return agent != null && agent.contains("Rule bot_errors") ? agent : null;
        });
        assertThat(facts)
                .as("a rule with a function shows it, and that its window is still filling after the start")
                .contains("increase over 10 min gt 3", "window filling until", "1 series");
        String firstRender = firstRenderMs(browser);
        Files.createDirectories(SCREENSHOTS);
        Object timings = ((JavascriptExecutor) browser)
                .executeScript(
                        "return performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '')"
                                + " + ' ' + Math.round(e.startTime) + '+' + Math.round(e.duration) + ' ms')"
                                + ".concat(performance.getEntriesByType('navigation').map(n => 'page: request '"
                                + " + Math.round(n.requestStart) + ', response ' + Math.round(n.responseStart) + '-'"
                                + " + Math.round(n.responseEnd) + ', DOM interactive ' + Math.round(n.domInteractive)"
                                + " + ', DOMContentLoaded ' + Math.round(n.domContentLoadedEventStart) + ' ms'))"
                                + ".concat(performance.getEntriesByType('mark').map(m => 'mark ' + m.name + ' at '"
                                + " + Math.round(m.startTime) + ' ms')).join('\\n')");
        // Again with the browser's cache and the agent warm, as when an operator reloads the page.
        browser.navigate().refresh();
        wait.until(driver -> text("#components tr[data-component='bot_risk']"));
        String reload = firstRenderMs(browser);
        Files.writeString(
                SCREENSHOTS.resolve("first-render.txt"),
                "first render with data: " + firstRender + " ms after navigation (first load in a running browser), "
                        + reload
                        + " ms (reload)\nfirst load's requests (start+duration):\n" + timings + "\n");
        // The network rate needs two collections, a sparkline two closed windows.
        wait.until(driver -> String.valueOf(text("#card-network .value")).contains("B/s")
                && !driver.findElements(By.cssSelector("#card-cpu polyline")).isEmpty());
        screenshot("status-desktop.png");

        // Silence from the page: the token is asked once, then the silence exists in the API.
        browser.findElement(By.cssSelector("#alerts button[aria-label^='Silence risk_critical']"))
                .click();
        wait.until(driver -> driver.findElement(By.id("silence-dialog")).isDisplayed());
        browser.findElement(By.id("silence-ok")).click();
        wait.until(driver -> driver.findElement(By.id("token-dialog")).isDisplayed());
        browser.findElement(By.id("token-input")).sendKeys(TOKEN);
        browser.findElement(By.id("token-ok")).click();
        String silences = awaitApi("/api/v1/silences", body -> body.contains("\"state\":\"active\""));
        // Every matcher is an equality: the label value "=~.*" is not read as a regex that would silence every alert.
        assertThat(silences)
                .contains("\"alertname\":\"risk_critical\"", "\"team\":\"==~.*\"", "\"created_by\":\"status-page\"");
        wait.until(driver ->
                String.valueOf(text("#alerts tr[data-rule='risk_critical']")).contains("silenced"));
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Silenced risk_critical");

        browser.manage().window().setSize(new Dimension(390, 2600));
        wait.until(driver -> text("#components tr[data-component='bot_risk']"));
        screenshot("status-phone.png");

        // An operator opening the page of an agent that has been running: a second browser, with nothing cached.
        WebDriver other = chromium(1280, 1000);
        try {
            other.get("about:blank");
            other.get("http://127.0.0.1:" + port + "/");
            String running = firstRenderMs(other);
            Files.writeString(
                    SCREENSHOTS.resolve("first-render.txt"),
                    "first render with data: " + running + " ms (a new browser, empty cache, the agent running)\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } finally {
            other.quit();
        }

        agent.destroy();
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        WebElement banner = wait.until(driver -> {
            WebElement element = driver.findElement(By.id("banner"));
            return element.isDisplayed() ? element : null;
        });
        assertThat(banner.getText()).startsWith("Cannot reach the agent since");
    }

    /**
     * A bot that dies keeps its last known figures on the page, marked with their age, with the trends of its risk
     * level and portfolio value; the problem text wraps by words, not a letter a line.
     */
    @Test
    void aSilentBotKeepsItsLastKnownFiguresAndTrends() throws Exception {
        startAgent("rules: []\n", """
                components:
                  - { name: bot_risk, type: risk_manager, source: push, stale_after_seconds: 2 }
                """, null, Map.of());
        // Ready, not only live: aggregation starts when the database half joins, and a push before that (a first start
        // migrates a new H2 file for a second or two) is stale (2 s) by then, so its window never closes.
        awaitApi("/health/ready", body -> body.startsWith("{\"status\":\"UP\""));
        for (int i = 0; i < 4; i++) {
            push("bot_risk", "{\"risk_level\": %d, \"portfolio_value_usd\": %d}".formatted(i, 1000 + 10 * i));
            int windows = i + 1; // one closed aggregation window a push: a trend needs points at different times
            awaitApi(
                    "/api/v1/aggregates?name=portfolio_value_usd_avg",
                    body -> body.split("\"value\"", -1).length - 1 >= windows);
        }
        awaitApi("/api/v1/metrics/latest", body -> body.contains("\"state\":\"stale\""));

        browser = chromium(1280, 1000);
        browser.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String row = wait.until(driver -> {
            String text = text("#components tr[data-component='bot_risk']");
            return text != null && text.contains("last known values") ? text : null;
        });
        assertThat(row).contains("stale", "critical", "Portfolio $1,030", "last known values, reported");
        wait.until(driver -> driver.findElements(By.cssSelector("#components tr[data-component='bot_risk'] .trend"))
                        .size()
                == 2);
        Object stateCellWidth = ((JavascriptExecutor) browser)
                .executeScript(
                        "return document.querySelector(\"#components tr[data-component='bot_risk'] td:nth-child(2)\")"
                                + ".getBoundingClientRect().width");
        assertThat(((Number) stateCellWidth).doubleValue())
                .as("the problem text wraps by words")
                .isGreaterThan(80);
    }

    /**
     * A busy agent: 61 pushed components, one of them with 300 protocol allocations, each firing an alert. The page
     * bounds its lists (the 100 most severe alerts, the 8 largest allocations) and says so; the first render's time
     * is written to {@code target/screenshots/first-render-busy.txt}. {@code -Dfirst-render.busy-runs=N} opens the
     * page N times, each from a new browser ({@code scripts/first-render.sh --busy}).
     */
    @Test
    void aBusyAgentsPageBoundsItsListsAndSaysSo() throws Exception {
        StringBuilder components = new StringBuilder("components:\n");
        components.append("  - { name: capital, type: capital_allocator, source: push }\n");
        for (int i = 0; i < 60; i++) {
            components.append("  - { name: worker_%02d, type: generic, source: push }\n".formatted(i));
        }
        startAgent("""
                rules:
                  - name: protocol_allocated
                    metric_name: protocol_allocation_percent
                    condition: gte
                    threshold: 0
                    severity: high
                    for_duration: 0
                    summary: "Protocol {{ $labels.protocol }} allocated"
                    description: "{{ $labels.protocol }} holds {{ $value }} % of the capital"
                """, components.toString(), null, Map.of());
        awaitApi("/health/live", body -> body.contains("UP"));
        StringBuilder allocations = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            allocations.append(i == 0 ? "" : ",").append("\"proto%03d\": %d.5".formatted(i, i % 50));
        }
        push("capital", "{\"capital_utilization_percent\": 71.5, \"protocol_allocations\": {" + allocations + "}}");
        for (int i = 0; i < 60; i++) {
            push(
                    "worker_%02d".formatted(i),
                    "{\"status\": \"%s\", \"error_count\": %d, \"last_execution_time\": %d.5,"
                                    .formatted(i % 7 == 0 ? "unhealthy" : "healthy", i, i)
                            + " \"metrics\": {\"queue\": %d}}".formatted(i));
        }
        awaitApi("/api/v1/alerts", body -> body.split("\"status\":\"firing\"", -1).length - 1 == 300);

        int runs = Integer.getInteger("first-render.busy-runs", 1);
        List<Integer> figures = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            browser = chromium(1280, 1000);
            browser.get("about:blank");
            browser.get("http://127.0.0.1:" + port + "/");
            figures.add(Integer.parseInt(firstRenderMs(browser)));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(driver -> text("#components tr[data-component='worker_59']"));
            Object counts = ((JavascriptExecutor) browser)
                    .executeScript("return [document.querySelectorAll('#alerts tr[data-rule]').length,"
                            + " document.querySelectorAll('#components tr[data-component]').length]");
            assertThat(counts).isEqualTo(List.of(100L, 61L));
            assertThat(text("#alerts"))
                    .contains("Showing the 100 most severe of 300 alerts")
                    .containsPattern("proto\\d{3} holds \\d+\\.5 % of the capital");
            assertThat(text("#components tr[data-component='capital']"))
                    .contains("utilisation", "and 292 more protocols");
            browser.quit();
            browser = null;
        }
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(
                SCREENSHOTS.resolve("first-render-busy.txt"),
                "first render with data, 300 firing alerts and 61 components, each from a new browser: "
                        + figures.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + " ms\n");
    }

    @Test
    void withAReadTokenThePageAsksForItAndThenShowsTheAgent() throws Exception {
        startAgent(0, 0, Map.of("MONITORING_API_READ_TOKEN", "reader-token-1"));
        awaitApi("/api/v1/metrics/latest", body -> body.contains("system_cpu_usage_percent"));
        // Collection answers before the database half has joined; the page is read once the agent is ready.
        awaitApi("/health/ready", body -> body.startsWith("{\"status\":\"UP\""));
        browser = chromium(1280, 1000);
        browser.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> driver.findElement(By.id("token-dialog")).isDisplayed());
        assertThat(browser.findElement(By.id("token-why")).getText()).contains("read token");
        // Enter in the field gives the token (the dialog's default button is "Use token").
        browser.findElement(By.id("token-input")).sendKeys("reader-token-1" + Keys.ENTER);
        wait.until(driver ->
                driver.findElement(By.cssSelector("#card-cpu .value")).getText().endsWith("%"));
        String agentFacts = wait.until(driver -> {
            String facts = text("#agent");
            return facts != null && facts.contains("Rules loaded") ? facts : null;
        });
        assertThat(agentFacts).contains("Database", "UP", "Version");
        assertThat(browser.findElement(By.id("banner")).isDisplayed()).isFalse();
    }

    private void startAgent(int bot, int receiver, Map<String, String> extra) throws IOException {
        startAgent("""
                rules:
                  - name: risk_critical
                    metric_name: risk_level
                    condition: gte
                    threshold: 3
                    severity: critical
                    for_duration: 0
                    labels: { team: "=~.*" }
                    description: "Risk critical: the bot reports {{ $value }}"
                  - name: bot_errors
                    metric_name: component_errors_total
                    function: increase
                    over: 600
                    condition: gt
                    threshold: 3
                    severity: medium
                """, bot > 0 ? """
                        components:
                          - { name: bot_risk, type: risk_manager, source: poll, url: "http://127.0.0.1:%d/status" }
                        """.formatted(bot) : null, receiver > 0 ? """
                        channels:
                          - { name: hook, type: webhook, config: { url: "http://127.0.0.1:%d/hook" } }
                        """.formatted(receiver) : null, extra);
    }

    /** Starts the packaged jar with these config files (null: the file is left out). */
    private void startAgent(String rules, String components, String notifications, Map<String, String> extra)
            throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("alert_rules.yaml"), rules);
        if (components != null) {
            Files.writeString(config.resolve("components.yaml"), components);
        }
        if (notifications != null) {
            Files.writeString(config.resolve("notifications.yaml"), notifications);
        }
        port = CleanAgentProcess.freePort();
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "MONITORING_HOME",
                home.toString(),
                "METRICS_HTTP_HOST",
                "127.0.0.1",
                "METRICS_HTTP_PORT",
                String.valueOf(port),
                "METRICS_COLLECTION_INTERVAL",
                "1",
                "ALERT_EVALUATION_INTERVAL",
                "1",
                "METRICS_AGGREGATION_WINDOW_SECONDS",
                "1",
                "MONITORING_API_TOKEN",
                TOKEN));
        environment.putAll(extra);
        agent = CleanAgentProcess.packagedJar(dir, dir.resolve("agent.log"), environment)
                .start();
    }

    /** A bot or receiver that answers every request with {@code status} and {@code body}. */
    private int serve(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private void push(String component, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/components/" + component))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private String awaitApi(String path, Function<String, Boolean> ready) {
        return await().atMost(Duration.ofSeconds(30))
                .failFast("the agent stopped; see its log", () -> !agent.isAlive())
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(
                        () -> HTTP.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                .header("Authorization", "Bearer " + TOKEN)
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body(),
                        ready::apply);
    }

    /**
     * The page's own figure for its first render with data: milliseconds from the start of the navigation to the first
     * frame painted with the host, components and alerts (it sets it once that frame is out).
     */
    private static String firstRenderMs(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> (String)
                ((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.firstRenderMs"));
    }

    private static WebDriver chromium(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The text of the first element {@code css} selects, read in one step (the page redraws parts as it goes); null when none. */
    private String text(String css) {
        Object text = ((JavascriptExecutor) browser)
                .executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
        return text == null ? null : text.toString();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
