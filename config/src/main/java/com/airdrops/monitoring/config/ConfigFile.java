package com.airdrops.monitoring.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one YAML configuration file is read from. When the variable naming it is unset ({@code builtIn} present)
 * and nothing is at the default path, the copy built into the jar is read instead, so an agent deployed as a lone
 * jar still has its shipped rules. A path set explicitly must exist: a typo is an error, never an empty file.
 *
 * <p>The choice is made at every read, so a file created at the default path is picked up by the next reload.
 *
 * @param variable the environment variable that names the file, for messages; empty when none does
 * @param path the absolute path read when it exists
 * @param builtIn the name of the bundled copy under {@code defaults/}; empty when the path was set explicitly
 */
public record ConfigFile(String variable, Path path, Optional<String> builtIn) {
    private static final String DEFAULTS = "/com/airdrops/monitoring/config/defaults/";

    public ConfigFile {
        path = path.toAbsolutePath().normalize();
        builtIn = builtIn == null ? Optional.empty() : builtIn;
    }

    /** A file named explicitly: it must exist. */
    public static ConfigFile at(Path path) {
        return new ConfigFile("", path, Optional.empty());
    }

    /** True when the next read takes the bundled copy: nothing is at the default path. */
    public boolean usesBuiltIn() {
        return builtIn.isPresent() && !Files.exists(path);
    }

    /** The name messages and the log use: the absolute path, or the bundled copy and the path that was missing. */
    public String location() {
        return usesBuiltIn() ? "built-in " + builtIn.orElseThrow() : path.toString();
    }

    /** Opens the text to parse: the file, or the bundled copy when {@link #usesBuiltIn()}. */
    Reader open() throws IOException {
        if (usesBuiltIn()) {
            InputStream stream = ConfigFile.class.getResourceAsStream(DEFAULTS + builtIn.orElseThrow());
            if (stream == null) {
                throw new NoSuchFileException(location(), null, "missing from the jar");
            }
            return new InputStreamReader(stream, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }

    /** Why there is nothing to read, or empty when there is: explicitly set paths must exist. */
    Optional<String> missing() {
        if (builtIn.isPresent() || Files.exists(path)) {
            return Optional.empty();
        }
        return Optional.of(path + ": no such file"
                + (variable.isEmpty() ? "" : " (set by " + variable + "; unset it to use the built-in file)"));
    }

    @Override
    public String toString() {
        return location();
    }
}
