package com.airdrops.monitoring.config;

/** A string, number, boolean or null; {@code fromEnvironment} when ${ENV_NAME} supplied (part of) it: a secret. */
public record YamlScalar(Object value, int line, int column, String path, boolean fromEnvironment) implements YamlNode {
    public YamlScalar(Object value, int line, int column, String path) {
        this(value, line, column, path, false);
    }
}
