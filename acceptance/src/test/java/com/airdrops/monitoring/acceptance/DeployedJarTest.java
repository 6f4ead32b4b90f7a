package com.airdrops.monitoring.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar deployed alone: copied with the launcher to a folder of its own and started from an unrelated working
 * directory, it runs the shipped rules and says where everything is; a configuration file that is named but missing
 * stops it with exit 2, and check-config reports it.
 */
class DeployedJarTest {
    @TempDir
    Path dir;

    private Path launcher;
    private Path workingDirectory;

    @BeforeEach
    void install() throws IOException {
        Path opt = Files.createDirectories(dir.resolve("opt/airdrops-monitoring"));
        Files.createDirectories(opt.resolve("bin"));
        Files.createDirectories(opt.resolve("lib"));
        for (String script : List.of("airdrops-monitoring", "java-lookup.sh")) {
            Files.copy(
                    ReadmeTest.ROOT.resolve("bin").resolve(script),
                    opt.resolve("bin").resolve(script),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.copy(
                ReadmeTest.ROOT.resolve("bootstrap/target/airdrops-monitoring.jar"),
                opt.resolve("lib/airdrops-monitoring.jar"));
        launcher = opt.resolve("bin/airdrops-monitoring");
        workingDirectory = Files.createDirectories(dir.resolve("elsewhere"));
    }

    @Test
    void startedFromElsewhereItRunsTheShippedRulesAndLogsWhereEverythingIs() throws Exception {
        int port = CleanAgentProcess.freePort();
        Process agent = start(Map.of("METRICS_HTTP_PORT", String.valueOf(port), "METRICS_HTTP_HOST", "127.0.0.1"));
        Path log = dir.resolve("agent.log");
        try {
            String rules = awaitAnswer(port, "/api/v1/rules");
            assertThat(rules).contains("\"name\":\"cpu_high\"", "\"name\":\"memory_high\"");
            String text = Files.readString(log);
            assertThat(text)
                    .contains(
                            "Home " + workingDirectory + " (MONITORING_HOME unset: the working directory)",
                            "Database: jdbc:h2:file:" + workingDirectory.resolve("data/monitoring"),
                            "12 alert rules from built-in alert_rules.yaml (nothing at "
                                    + workingDirectory.resolve("config/alert_rules.yaml") + ")",
                            "0 notification channels from built-in notifications.yaml",
                            "0 components from built-in components.yaml",
                            "plugins folder " + workingDirectory.resolve("plugins"));
            assertThat(workingDirectory.resolve("data/monitoring.mv.db")).exists();
            // The launcher has exec'd Java by now: the process's arguments are the JVM's, with the launcher's profile.
            assertThat(jvmArguments(agent))
                    .contains(
                            "-XX:+UseSerialGC",
                            "-Xms8m",
                            "-Xmx96m",
                            "-XX:MaxNewSize=6m",
                            "-XX:CompileThresholdScaling=4")
                    .containsAll(
                            Runtime.version().feature() >= 22
                                    ? List.of("-XX:TrimNativeHeapInterval=5000")
                                    : List.<String>of());
        } finally {
            agent.destroy();
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(agent.exitValue()).as("SIGTERM through the launcher").isZero();
    }

    @Test
    void withLogFormatJsonEveryLogLineIsOneJsonObject() throws Exception {
        int port = CleanAgentProcess.freePort();
        Process agent = start(Map.of(
                "METRICS_HTTP_PORT", String.valueOf(port), "METRICS_HTTP_HOST", "127.0.0.1", "LOG_FORMAT", "json"));
        try {
            awaitAnswer(port, "/health/ready");
        } finally {
            agent.destroy();
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<String> lines = Files.readAllLines(dir.resolve("agent.log"));
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(line).startsWith("{\"timestamp\":").endsWith("}"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "\"level\":\"INFO\"",
                                "\"formattedMessage\":\"12 alert rules from built-in alert_rules.yaml"));
    }

    @Test
    void withLogFormatJsonTheLaunchersOwnErrorsAreJsonToo() throws Exception {
        Process launch =
                start(Map.of("AIRDROPS_MONITORING_JAR", "/nonexistent/airdrops-monitoring.jar", "LOG_FORMAT", "json"));
        assertThat(launch.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(launch.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("agent.log")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("{\"timestamp\":")
                        .contains(
                                "\"level\":\"ERROR\"",
                                "\"formattedMessage\":\"airdrops-monitoring.jar not found at"
                                        + " /nonexistent/airdrops-monitoring.jar; build it")
                        .endsWith("}"));
    }

    /**
     * On JDK 25 the launcher records an AOT cache during the first run and loads it in the next (verified once, its
     * checksum kept, and compared at every start): a cache written again with the same contents is used, one damaged
     * afterwards is removed and the agent runs as before, recording a new one, also when the damage kept the file's
     * modification time (as the disk itself or a copy that keeps times would). A run
     * that created the database does not keep its cache (it would hold the migration's classes): the next records it.
     * A path of the cache that is not a regular file (a pipe where the checksum goes) leaves the agent without a cache;
     * a checksum that does not match a sound cache has it verified in full again, and kept.
     */
    @Test
    void theLauncherRecordsAnAotCacheUsesItAndRunsWithoutItWhenItIsDamaged() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25; the launcher runs without one before");
        Path cacheDir = dir.resolve("aot");
        // A first run that stops on a configuration error still leaves a (small) cache: it must not be kept.
        Process refused = start(Map.of("METRICS_HTTP_PORT", "abc"));
        assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);
        for (int run = 1; run <= 7; run++) {
            int port = CleanAgentProcess.freePort();
            Process agent = start(Map.of("METRICS_HTTP_PORT", String.valueOf(port), "METRICS_HTTP_HOST", "127.0.0.1"));
            List<String> arguments;
            try {
                assertThat(awaitAnswer(port, "/metrics")).contains("system_cpu_usage_percent");
                // The launcher has exec'd Java by now: the process's arguments are the JVM's.
                arguments = jvmArguments(agent);
                awaitFullStart(arguments);
            } finally {
                agent.destroy();
                assertThat(agent.waitFor(120, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(agent.exitValue()).as("run %d stops cleanly", run).isZero();
            String log = Files.readString(dir.resolve("agent.log"));
            if (run == 1) {
                assertThat(log)
                        .contains("was recorded by a run that did not start the service or that created the database")
                        .contains("no AOT cache yet for this jar and JDK")
                        .contains("This run created or migrated the database schema: the next start records the AOT");
                assertThat(arguments).anyMatch(argument -> argument.startsWith("-XX:AOTCacheOutput="));
            } else if (run == 2) {
                assertThat(log)
                        .contains("was recorded by a run that did not start the service or that created the database")
                        .contains("no AOT cache yet for this jar and JDK")
                        .doesNotContain("This run created or migrated the database schema");
                assertThat(arguments).anyMatch(argument -> argument.startsWith("-XX:AOTCacheOutput="));
                Path cache = cacheFile(cacheDir);
                assertThat(Files.size(cache))
                        .as("the cache written at the stop")
                        .isPositive();
            } else if (run == 3) {
                assertThat(log).doesNotContain("no AOT cache yet");
                assertThat(arguments).anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
                // Verified by the JVM once; its checksum is kept beside it. Now write it again with the same contents
                // (as a copy or a restore would), newer than its checksum.
                Path cache = cacheFile(cacheDir);
                assertThat(Path.of(cache + ".cksum")).exists();
                Files.write(cache, Files.readAllBytes(cache));
                Files.setLastModifiedTime(
                        cache,
                        java.nio.file.attribute.FileTime.from(Files.getLastModifiedTime(Path.of(cache + ".cksum"))
                                .toInstant()
                                .plusSeconds(1)));
            } else if (run == 4) {
                assertThat(log).doesNotContain("no AOT cache yet").doesNotContain("damaged");
                assertThat(arguments)
                        .as("the same contents, written again, are used")
                        .anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
                // Now damage it inside, where the JVM does not look before using it (it crashed at every start with
                // such a file).
                Path cache = cacheFile(cacheDir);
                java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(cache);
                try (var file = java.nio.channels.FileChannel.open(cache, java.nio.file.StandardOpenOption.WRITE)) {
                    file.write(java.nio.ByteBuffer.wrap(new byte[4096]), Files.size(cache) / 2);
                }
                Files.setLastModifiedTime(cache, modified);
            } else if (run == 5) {
                assertThat(log).contains("is damaged or unusable by this JVM: removed");
                assertThat(arguments)
                        .as("the damaged cache is not used; a new one is recorded")
                        .noneMatch(argument -> argument.startsWith("-XX:AOTCache="))
                        .anyMatch(argument -> argument.startsWith("-XX:AOTCacheOutput="));
                // A path of the cache that is not a regular file: a pipe where the checksum goes held the launcher
                // for good, and one it could not remove (a directory) stopped it with status 1 at every start.
                Path cache = cacheFile(cacheDir);
                Process mkfifo = new ProcessBuilder("mkfifo", cache + ".cksum").start();
                assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(mkfifo.exitValue()).isZero();
            } else if (run == 6) {
                assertThat(log).contains(".aot.cksum is not a regular file: running without an AOT cache");
                assertThat(arguments).noneMatch(argument -> argument.startsWith("-XX:AOTCache"));
                // A checksum that does not match, where the cache is sound: the checksum file is what is damaged.
                Path checksum = Path.of(cacheFile(cacheDir) + ".cksum");
                Files.delete(checksum);
                Files.writeString(checksum, "123 456\n");
            } else {
                assertThat(log).doesNotContain("damaged");
                assertThat(arguments)
                        .as("verified in full again, and used")
                        .anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
                assertThat(Files.readString(Path.of(cacheFile(cacheDir) + ".cksum")))
                        .matches("\\d+ \\d+\n");
            }
        }
    }

    /**
     * The launcher's own problems are one line each: copied without the Java lookup beside it, or with one cut short,
     * it stops with status 1;
     * with a cache folder it cannot create, the agent runs without a cache and the launcher says so.
     */
    @Test
    void theLaunchersOwnProblemsAreOneLineEach() throws Exception {
        Path lookup = launcher.resolveSibling("java-lookup.sh");
        Path aside = Files.move(lookup, dir.resolve("java-lookup.sh"));
        String where = launcher.toRealPath().resolveSibling("java-lookup.sh").toString();
        assertStopsSayingOnly(
                "error: " + where + " is missing: the launcher needs it beside itself (both are in the bin folder)");
        Files.writeString(lookup, "#!/usr/bin/env bash\n# cut short\n");
        assertStopsSayingOnly("error: " + where
                + " is incomplete (no locate_java in it): copy it again from the release's bin folder");
        Files.move(aside, lookup, StandardCopyOption.REPLACE_EXISTING);

        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25; the launcher runs without one before");
        Path notAFolder = Files.writeString(dir.resolve("cache-is-a-file"), "");
        int port = CleanAgentProcess.freePort();
        Process agent = start(Map.of(
                "METRICS_HTTP_PORT", String.valueOf(port),
                "METRICS_HTTP_HOST", "127.0.0.1",
                "MONITORING_AOT_CACHE_DIR", notAFolder.toString()));
        try {
            assertThat(awaitAnswer(port, "/metrics")).contains("system_cpu_usage_percent");
            assertThat(jvmArguments(agent)).noneMatch(argument -> argument.startsWith("-XX:AOTCache"));
        } finally {
            agent.destroy();
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("agent.log")))
                .contains("airdrops-monitoring: cannot create or write the folder " + notAFolder
                        + ": running without an AOT cache (set MONITORING_AOT_CACHE_DIR to a writable folder, or"
                        + " MONITORING_AOT=off)");
    }

    /**
     * JDK 21 keeps working: no JDK 21 here, so a Java home whose release file says 21 stands in for one (its java is
     * this JDK's). The launcher must give it neither an AOT cache (JDK 25) nor the native-heap trim option (a product
     * option from JDK 22; JDK 21 refuses to start with it), and the agent answers.
     */
    @Test
    void onAJdkOlderThan22TheLauncherLeavesOutTheOptionsItWouldRefuse() throws Exception {
        Path jdk21 = Files.createDirectories(dir.resolve("jdk-21/bin"));
        Files.createSymbolicLink(jdk21.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        // With a Windows line end, as a release file copied through another system may have: still read as 21.
        Files.writeString(jdk21.resolveSibling("release"), "IMPLEMENTOR=\"x\"\r\nJAVA_VERSION=\"21.0.9\"\r\n");
        int port = CleanAgentProcess.freePort();
        Process agent = start(Map.of(
                "METRICS_HTTP_PORT", String.valueOf(port),
                "METRICS_HTTP_HOST", "127.0.0.1",
                "JAVA_HOME", jdk21.getParent().toString()));
        try {
            assertThat(awaitAnswer(port, "/metrics")).contains("system_cpu_usage_percent");
            assertThat(jvmArguments(agent))
                    .contains("-XX:+UseSerialGC", "-XX:CompileThresholdScaling=4")
                    .noneMatch(argument -> argument.startsWith("-XX:TrimNativeHeapInterval"))
                    .noneMatch(argument -> argument.startsWith("-XX:AOTCache"));
        } finally {
            agent.destroy();
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(agent.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("agent.log"))).doesNotContain("AOT cache");
    }

    @Test
    void aNamedRulesFileThatIsMissingStopsStartUpAndFailsCheckConfig() throws Exception {
        Process agent = start(Map.of("ALERT_RULES_FILE", "/nonexistent/alert_rules.yaml"));
        assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("agent.log")))
                .contains("/nonexistent/alert_rules.yaml: no such file (set by ALERT_RULES_FILE; unset it to use the "
                        + "built-in file)");

        Process check = start(Map.of("ALERT_RULES_FILE", "/nonexistent/alert_rules.yaml"), "check-config");
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("agent.log")))
                .contains("ERROR: /nonexistent/alert_rules.yaml: no such file", "1 problem found")
                .doesNotContain("OK: ");
    }

    /** The launcher, started as it is, stops with status 1 and prints {@code line} alone. */
    private void assertStopsSayingOnly(String line) throws Exception {
        Process launch = start(Map.of());
        assertThat(launch.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(launch.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("agent.log"))).containsExactly(line);
    }

    private Process start(Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile());
        CleanAgentProcess.withoutAgentSettings(builder.environment());
        // The launcher keeps its AOT cache under the user's cache folder unless told otherwise: keep it in the test's.
        builder.environment().put("MONITORING_AOT_CACHE_DIR", dir.resolve("aot").toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The arguments of the JVM the launcher has exec'd by now: the process's own. */
    /** The AOT cache the launcher keeps in {@code cacheDir}. */
    private static Path cacheFile(Path cacheDir) throws IOException {
        try (var files = Files.list(cacheDir)) {
            return files.filter(file -> file.toString().endsWith(".aot"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static List<String> jvmArguments(Process agent) {
        return List.of(agent.info().arguments().orElse(new String[0]));
    }

    /**
     * Waits for the start to end in full, the database half included: a recording run has then marked its cache as
     * trained, or said why not (a stop during the start leaves the cache unmarked, and the next start records it again).
     */
    private void awaitFullStart(List<String> arguments) {
        Optional<Path> trained = arguments.stream()
                .filter(argument -> argument.startsWith(TRAINED_MARK))
                .map(argument -> Path.of(argument.substring(TRAINED_MARK.length())))
                .findFirst();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            String log = Files.readString(dir.resolve("agent.log"));
            return log.contains("Airdrops Monitoring started")
                    && (trained.isEmpty()
                            || Files.exists(trained.get())
                            || log.contains("This run created or migrated the database schema"));
        });
    }

    private static final String TRAINED_MARK = "-Dairdrops.monitoring.aot.trained=";

    private static String awaitAnswer(int port, String path) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2))
                .build();
        return await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)),
                        response -> response.statusCode() == 200)
                .body();
    }
}
