package com.airdrops.monitoring.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed fields out of one YAML mapping, adding a located problem line for every missing, mistyped or unknown
 * field instead of stopping at the first. Not thread-safe; one per mapping.
 */
final class YamlFields {
    private final Path file;
    private final YamlNode.Mapping mapping;
    private final List<String> problems;

    YamlFields(Path file, YamlNode.Mapping mapping, List<String> problems) {
        this.file = file;
        this.mapping = mapping;
        this.problems = problems;
    }

    /** Reports every key not in {@code allowed}, which catches typos such as {@code tmeout_seconds}. */
    void allowOnly(Set<String> allowed) {
        mapping.entries().forEach((key, node) -> {
            if (!allowed.contains(key)) {
                problems.add(YamlDocument.problem(
                        file,
                        node,
                        "unknown field; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList())));
            }
        });
    }

    Optional<YamlNode> node(String key) {
        YamlNode node = mapping.entries().get(key);
        if (node instanceof YamlNode.Scalar scalar && scalar.value() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(node);
    }

    Optional<String> text(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
                return Optional.of(text);
            }
            problem(node, "expected a string");
            return Optional.empty();
        });
    }

    Optional<String> requiredText(String key) {
        Optional<String> value = text(key);
        if (node(key).isEmpty()) {
            problems.add(YamlDocument.problem(file, mapping, "missing required field '" + key + "'"));
        }
        return value;
    }

    Optional<Double> positiveNumber(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlNode.Scalar scalar
                    && scalar.value() instanceof Number number
                    && number.doubleValue() > 0
                    && Double.isFinite(number.doubleValue())) {
                return Optional.of(number.doubleValue());
            }
            problem(node, "expected a number greater than 0, got " + shown(node));
            return Optional.empty();
        });
    }

    Optional<Boolean> bool(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Boolean bool) {
                return Optional.of(bool);
            }
            problem(node, "expected true or false, got " + shown(node));
            return Optional.empty();
        });
    }

    Optional<YamlNode.Mapping> mapping(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlNode.Mapping map) {
                return Optional.of(map);
            }
            problem(node, "expected a mapping (key: value pairs)");
            return Optional.empty();
        });
    }

    /**
     * The mappings of the list under {@code key} (empty when absent), reporting a value that is not a list and each
     * item that is not a mapping, e.g. "expected a mapping describing one rule".
     */
    List<YamlNode.Mapping> listOfMappings(String key, String singular, String plural) {
        Optional<YamlNode> list = node(key);
        if (list.isEmpty()) {
            return List.of();
        }
        if (!(list.get() instanceof YamlNode.Sequence sequence)) {
            problem(list.get(), "expected a list of " + plural);
            return List.of();
        }
        List<YamlNode.Mapping> mappings = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlNode.Mapping mapping) {
                mappings.add(mapping);
            } else {
                problem(item, "expected a mapping describing one " + singular);
            }
        }
        return mappings;
    }

    void problem(YamlNode node, String message) {
        problems.add(YamlDocument.problem(file, node, message));
    }

    YamlNode.Mapping self() {
        return mapping;
    }

    static String shown(YamlNode node) {
        Object plain = node.toPlain();
        return plain instanceof String text ? "'" + text + "'" : String.valueOf(plain);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plainMap(YamlNode.Mapping mapping) {
        return (Map<String, Object>) mapping.toPlain();
    }
}
