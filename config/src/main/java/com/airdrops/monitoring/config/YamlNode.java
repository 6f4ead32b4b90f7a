package com.airdrops.monitoring.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML value with the file position it came from, so that every config error can name line and column. */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {
    int line();

    int column();

    /** Where this node sits in the document, e.g. {@code components[0].timeout_seconds}. */
    String path();

    /** The node as plain maps, lists and scalars (for values handed on untyped, such as a plugin's config). */
    default Object toPlain() {
        return switch (this) {
            case YamlMapping mapping -> {
                Map<String, Object> plain = new LinkedHashMap<>();
                mapping.entries().forEach((key, value) -> plain.put(key, value.toPlain()));
                yield plain;
            }
            case YamlSequence sequence ->
                sequence.items().stream().map(YamlNode::toPlain).toList();
            case YamlScalar scalar -> scalar.value();
        };
    }
}
