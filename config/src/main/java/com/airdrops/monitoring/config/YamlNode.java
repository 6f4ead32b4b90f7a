package com.airdrops.monitoring.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the file position it came from, so that every config error can name line and column. */
public sealed interface YamlNode {
    int line();

    int column();

    /** Where this node sits in the document, e.g. {@code components[0].timeout_seconds}. */
    String path();

    record Mapping(Map<String, YamlNode> entries, int line, int column, String path) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    record Sequence(List<YamlNode> items, int line, int column, String path) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A string, number, boolean or null; {@code fromEnvironment} when ${ENV_NAME} supplied (part of) it: a secret. */
    record Scalar(Object value, int line, int column, String path, boolean fromEnvironment) implements YamlNode {
        public Scalar(Object value, int line, int column, String path) {
            this(value, line, column, path, false);
        }
    }

    /** The node as plain maps, lists and scalars (for values handed on untyped, such as a plugin's config). */
    default Object toPlain() {
        return switch (this) {
            case Mapping mapping -> {
                Map<String, Object> plain = new LinkedHashMap<>();
                mapping.entries().forEach((key, value) -> plain.put(key, value.toPlain()));
                yield plain;
            }
            case Sequence sequence ->
                sequence.items().stream().map(YamlNode::toPlain).toList();
            case Scalar scalar -> scalar.value();
        };
    }
}
