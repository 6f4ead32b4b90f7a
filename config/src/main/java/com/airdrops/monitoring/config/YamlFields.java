package com.airdrops.monitoring.config;

import java.time.Duration;
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
    private final ConfigFile file;
    private final YamlMapping mapping;
    private final List<String> problems;

    YamlFields(ConfigFile file, YamlMapping mapping, List<String> problems) {
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
        if (node instanceof YamlScalar scalar && scalar.value() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(node);
    }

    Optional<String> text(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlScalar scalar && scalar.value() instanceof String text) {
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

    /** The longest rule, channel or component name. */
    static final int MAX_NAME_LENGTH = 200;

    Optional<Double> positiveNumber(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlScalar scalar
                    && scalar.value() instanceof Number number
                    && number.doubleValue() > 0
                    && Double.isFinite(number.doubleValue())) {
                return Optional.of(number.doubleValue());
            }
            problem(node, "expected a number greater than 0, got " + shown(node));
            return Optional.empty();
        });
    }

    /** A number from {@code min} to {@code max} (inclusive), e.g. seconds; the message names the range. */
    Optional<Double> number(String key, double min, double max) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlScalar scalar
                    && scalar.value() instanceof Number number
                    && number.doubleValue() >= min
                    && number.doubleValue() <= max) {
                return Optional.of(number.doubleValue());
            }
            problem(node, "expected a number from " + plain(min) + " to " + plain(max) + ", got " + shown(node));
            return Optional.empty();
        });
    }

    /** A whole number from {@code min} to {@code max} (inclusive); 0.5 is refused, not rounded. */
    Optional<Integer> wholeNumber(String key, int min, int max) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlScalar scalar
                    && scalar.value() instanceof Number number
                    && number.doubleValue() == Math.rint(number.doubleValue())
                    && number.doubleValue() >= min
                    && number.doubleValue() <= max) {
                return Optional.of(number.intValue());
            }
            problem(node, "expected a whole number from " + min + " to " + max + ", got " + shown(node));
            return Optional.empty();
        });
    }

    /** Seconds from {@code min} to {@code max} as a duration. */
    Optional<Duration> seconds(String key, double min, double max) {
        return number(key, min, max).map(seconds -> Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /** A required name: 1 to {@value #MAX_NAME_LENGTH} characters, no control characters, not only blanks. */
    Optional<String> requiredName(String key) {
        Optional<String> name = requiredText(key);
        if (name.isPresent()) {
            String value = name.get();
            if (value.isBlank()
                    || value.length() > MAX_NAME_LENGTH
                    || value.chars().anyMatch(Character::isISOControl)) {
                problem(
                        node(key).orElseThrow(),
                        "expected a name of 1 to " + MAX_NAME_LENGTH + " characters without control characters, got "
                                + shown(node(key).orElseThrow()));
                return Optional.empty();
            }
        }
        return name;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    Optional<Boolean> bool(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlScalar scalar && scalar.value() instanceof Boolean bool) {
                return Optional.of(bool);
            }
            problem(node, "expected true or false, got " + shown(node));
            return Optional.empty();
        });
    }

    Optional<YamlMapping> mapping(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlMapping map) {
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
    List<YamlMapping> listOfMappings(String key, String singular, String plural) {
        Optional<YamlNode> list = node(key);
        if (list.isEmpty()) {
            return List.of();
        }
        if (!(list.get() instanceof YamlSequence sequence)) {
            problem(list.get(), "expected a list of " + plural);
            return List.of();
        }
        List<YamlMapping> mappings = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlMapping mapping) {
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

    YamlMapping self() {
        return mapping;
    }

    static String shown(YamlNode node) {
        Object plain = node.toPlain();
        return plain instanceof String text ? "'" + text + "'" : String.valueOf(plain);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plainMap(YamlMapping mapping) {
        return (Map<String, Object>) mapping.toPlain();
    }
}
