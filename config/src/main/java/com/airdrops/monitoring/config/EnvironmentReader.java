package com.airdrops.monitoring.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed values from environment variables, each checked against its range. A bad value is recorded as one problem
 * naming the variable and what it allows, and a stand-in is returned, so that every problem is reported at once.
 */
final class EnvironmentReader {
    /** The most hours any retention may be: ten years, far inside what a clock can subtract. */
    static final long MAX_HOURS = 87_600;
    /** The longest interval, window or timeout: one day. */
    static final double MAX_SECONDS = 86_400;

    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();
    /** What relative paths are resolved against. */
    private final Path home;

    EnvironmentReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.home = readHome();
    }

    /** The base of every relative path: MONITORING_HOME, or the working directory when it is unset. */
    Path home() {
        return home;
    }

    void problem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    String raw(String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    Optional<String> secret(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(token -> !token.isEmpty());
    }

    <T> T parse(String name, String fallback, T onError, String allowed, Function<String, T> parser) {
        String value = raw(name, fallback);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            problems.add(name + "='" + value + "' is invalid: " + allowed);
            return onError;
        }
    }

    Duration seconds(String name, String fallback, double minimum) {
        return parse(
                name,
                fallback,
                Duration.ofSeconds(1),
                "expected a number of seconds from " + number(minimum) + " to " + number(MAX_SECONDS)
                        + (minimum < 1 ? " (e.g. 30 or 0.5)" : " (e.g. 30)"),
                value -> {
                    double seconds = Double.parseDouble(value);
                    if (!(seconds >= minimum && seconds <= MAX_SECONDS)) {
                        throw new IllegalArgumentException();
                    }
                    return Duration.ofNanos(Math.round(seconds * 1e9));
                });
    }

    Duration hours(String name, String fallback) {
        return parse(
                name,
                fallback,
                Duration.ofHours(1),
                "expected a whole number of hours from 1 to " + MAX_HOURS + " (e.g. 168)",
                value -> {
                    long hours = Long.parseLong(value);
                    if (hours < 1 || hours > MAX_HOURS) {
                        throw new IllegalArgumentException();
                    }
                    return Duration.ofHours(hours);
                });
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    int port(String name, String fallback) {
        return parse(name, fallback, 0, "expected a TCP port from 0 to 65535 (0 picks a free port)", value -> {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException();
            }
            return port;
        });
    }

    int boundedInt(String name, String fallback, int maximum) {
        return parse(name, fallback, 1, "expected a whole number from 1 to " + maximum, value -> {
            int number = Integer.parseInt(value);
            if (number < 1 || number > maximum) {
                throw new IllegalArgumentException();
            }
            return number;
        });
    }

    /** An absolute path; a relative one is resolved against MONITORING_HOME. */
    Path path(String name, String fallback) {
        return parse(name, fallback, home, "expected a file system path", value -> {
            try {
                return home.resolve(value).normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /** A path that must exist now (the disk whose usage is reported). */
    Path existingPath(String name, String fallback) {
        Path path = path(name, fallback);
        if (!Files.exists(path)) {
            problems.add(name + "='" + raw(name, fallback) + "' is invalid: no such file or directory");
        }
        return path;
    }

    /** Printable ASCII without spaces (U+0021 to U+007E): what a token or an instance name may hold. */
    static boolean visibleAscii(String value) {
        return value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private Path readHome() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        String value = raw(EnvironmentSettings.HOME, "");
        if (value.isEmpty()) {
            return workingDirectory;
        }
        try {
            Path home = workingDirectory.resolve(value).normalize();
            if (Files.isDirectory(home)) {
                return home;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        problems.add(EnvironmentSettings.HOME + "='" + value
                + "' is invalid: expected an existing directory (relative paths such as "
                + "config/alert_rules.yaml, plugins and ./data/monitoring are resolved against it)");
        return workingDirectory;
    }
}
