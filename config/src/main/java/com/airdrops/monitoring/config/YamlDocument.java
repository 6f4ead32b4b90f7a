package com.airdrops.monitoring.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML file into {@link YamlNode}s that remember their line and column, replacing {@code ${ENV_NAME}} in
 * every string from the environment. Problems are collected as lines {@code file:line:column: path: message}.
 */
public final class YamlDocument {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** The largest configuration file read: far above any real one, far below what could exhaust the heap. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private final ConfigFile file;
    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    private YamlDocument(ConfigFile file, Map<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /**
     * The parsed root, empty when the file is empty; a missing file that has no built-in copy and syntax errors
     * become a ConfigException.
     */
    public static Optional<YamlNode> read(ConfigFile file, Map<String, String> environment) {
        YamlDocument document = new YamlDocument(file, environment);
        Optional<YamlNode> root = document.parse();
        if (!document.problems.isEmpty()) {
            throw new ConfigException(document.problems);
        }
        return root;
    }

    /** Formats a problem at a node: {@code file:line:column: path: message}. */
    public static String problem(ConfigFile file, YamlNode node, String message) {
        return file + ":" + node.line() + ":" + node.column() + ": "
                + (node.path().isEmpty() ? "" : node.path() + ": ") + message;
    }

    private Optional<YamlNode> parse() {
        Optional<String> missing = file.missing();
        if (missing.isPresent()) {
            problems.add(missing.get());
            return Optional.empty();
        }
        if (!file.usesBuiltIn() && !Files.isRegularFile(file.path())) {
            // A FIFO would block start-up forever and a directory cannot be read: refuse both at once.
            problems.add(file + ": not a regular file (a directory, FIFO or device is refused)");
            return Optional.empty();
        }
        try {
            if (!file.usesBuiltIn() && Files.size(file.path()) > MAX_BYTES) {
                problems.add(file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB; is it the right file?");
                return Optional.empty();
            }
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
            return Optional.empty();
        }
        try (Reader reader = file.open();
                JsonParser parser = YAML.createParser(reader)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            return Optional.of(node(parser, ""));
        } catch (NoSuchFileException e) {
            problems.add(file + ": no such file");
            return Optional.empty();
        } catch (JsonProcessingException e) {
            if (notText(e)) {
                return notUtf8();
            }
            JsonLocation location = e.getLocation();
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            problems.add(file + ":" + (location == null ? 0 : location.getLineNr()) + ":"
                    + (location == null ? 0 : location.getColumnNr()) + ": invalid YAML: "
                    + message.replaceAll("\\s+", " ").trim());
            return Optional.empty();
        } catch (IOException e) {
            if (notText(e)) {
                return notUtf8();
            }
            problems.add(file + ": cannot read: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            if (notText(e)) {
                return notUtf8();
            }
            problems.add(file + ": invalid YAML: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null
                            ? ""
                            : ": " + e.getMessage().replaceAll("\\s+", " ").trim()));
            return Optional.empty();
        }
    }

    private YamlNode node(JsonParser parser, String path) throws IOException {
        JsonLocation location = parser.currentTokenLocation();
        int line = location.getLineNr();
        int column = location.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyLocation = parser.currentTokenLocation();
                    parser.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        problems.add(file + ":" + keyLocation.getLineNr() + ":" + keyLocation.getColumnNr() + ": "
                                + childPath + ": duplicate key");
                    }
                    entries.put(key, node(parser, childPath));
                }
                return new YamlMapping(entries, line, column, path);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, path + "[" + items.size() + "]"));
                }
                return new YamlSequence(items, line, column, path);
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                return new YamlScalar(
                        interpolate(text, line, column, path),
                        line,
                        column,
                        path,
                        VARIABLE.matcher(text).find());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlScalar(parser.getNumberValue(), line, column, path);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlScalar(parser.getBooleanValue(), line, column, path);
            }
            default -> {
                return new YamlScalar(null, line, column, path);
            }
        }
    }

    private String interpolate(String text, int line, int column, String path) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            if (value == null) {
                problems.add(file + ":" + line + ":" + column + ": " + path + ": environment variable "
                        + matcher.group(1) + " is not set");
                value = "";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private Optional<YamlNode> notUtf8() {
        problems.add(file + ": not UTF-8 text (is it the right file?)");
        return Optional.empty();
    }

    /** True when the bytes are not UTF-8 text: a binary file given as configuration. */
    private static boolean notText(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }
}
