package com.airdrops.monitoring.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The agent running as a separate process, as an operator starts it: from the built jar, or from this build's
 * classpath. Shared with other modules' tests through the bootstrap test-jar.
 */
public final class AgentProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+),");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    private AgentProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output closed: " + e + ")");
            }
        });
    }

    /** The agent from this JVM's classpath (the build's classes), with {@link Main} as entry point. */
    public static AgentProcess startFromClasspath(Map<String, String> environment) throws IOException {
        return start(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()), environment);
    }

    /** {@code java <javaArguments>} with only {@code environment} as the agent's configuration. */
    public static AgentProcess start(List<String> javaArguments, Map<String, String> environment) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(key -> key.startsWith("METRICS_")
                        || key.startsWith("MONITORING_")
                        || key.startsWith("ALERT_")
                        || key.endsWith("_FILE"));
        builder.environment().putAll(environment);
        return new AgentProcess(builder.start());
    }

    public int awaitPort() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> port() > 0 || !process.isAlive());
        if (port() <= 0) {
            throw new IllegalStateException("the agent did not start: " + output);
        }
        return port();
    }

    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the agent did not exit: " + output);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> output.stream().anyMatch(line -> !line.isBlank()));
        return process.exitValue();
    }

    public String metrics() throws IOException, InterruptedException {
        return get("/metrics");
    }

    public String get(String path) throws IOException, InterruptedException {
        return client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** POSTs an empty body with {@code Authorization: Bearer token}; returns the answer's body. */
    public String post(String path, String token) throws IOException, InterruptedException {
        return post(path, token, "");
    }

    /** POSTs {@code json} with {@code Authorization: Bearer token}; returns the answer's body. */
    public String post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!json.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Any request, with {@code Authorization: Bearer token} unless the token is null; returns status and body. */
    public HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .method(
                        method,
                        json.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!json.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    private int port() {
        for (String line : output) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
