package com.airdrops.monitoring.domain.model.alert;

import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One condition on a series' label, written as the value of {@code matchers: { label: value }}: {@code value} (equal),
 * {@code "!=value"} (not equal), {@code "=~regex"} (matches) or {@code "!~regex"} (does not match). A regex must match
 * the whole value, as in Prometheus, and is compiled by a {@link RegexEngine} that matches in linear time with RE2's
 * syntax (no backreferences or look-arounds). A label the series lacks has the empty value.
 */
public final class LabelMatcher {
    public enum Kind {
        EQUAL("="),
        NOT_EQUAL("!="),
        MATCHES("=~"),
        NOT_MATCHES("!~");

        private final String operator;

        Kind(String operator) {
            this.operator = operator;
        }

        public String operator() {
            return operator;
        }
    }

    private final String label;
    private final Kind kind;
    private final String value;
    /** The regex, compiled once: a matcher runs for every sample of its rule's metric in every pass. */
    private final Predicate<String> pattern;

    /** A matcher that compares values; a regex kind is refused (see {@link #LabelMatcher(String, Kind, String, RegexEngine)}). */
    public LabelMatcher(String label, Kind kind, String value) {
        this(label, kind, value, RegexEngine.NONE);
    }

    /** @param engine compiles the value of a {@code =~} or {@code !~} matcher */
    public LabelMatcher(String label, Kind kind, String value, RegexEngine engine) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a matcher needs a label name");
        }
        if (kind == null || value == null) {
            throw new IllegalArgumentException("a matcher needs a kind and a value");
        }
        this.label = label;
        this.kind = kind;
        this.value = value;
        this.pattern = kind == Kind.MATCHES || kind == Kind.NOT_MATCHES ? engine.compileWhole(value) : null;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    /**
     * Reads the YAML form: {@code "!=x"}, {@code "=~x"}, {@code "!~x"}, or a plain value for equality; {@code engine}
     * compiles a regex.
     */
    public static LabelMatcher parse(String label, String written, RegexEngine engine) {
        for (Kind kind : new Kind[] {Kind.NOT_EQUAL, Kind.MATCHES, Kind.NOT_MATCHES}) {
            if (written.startsWith(kind.operator())) {
                return new LabelMatcher(
                        label, kind, written.substring(kind.operator().length()), engine);
            }
        }
        return new LabelMatcher(label, Kind.EQUAL, written.startsWith("=") ? written.substring(1) : written);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(label, "");
        return switch (kind) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case MATCHES -> pattern.test(actual);
            case NOT_MATCHES -> !pattern.test(actual);
        };
    }

    /** The YAML form, as {@code GET /api/v1/rules} shows it. */
    public String written() {
        if (kind != Kind.EQUAL) {
            return kind.operator() + value;
        }
        // A value that starts like an operator is written with an explicit '=' so that it reads back as equality.
        return value.startsWith("=") || value.startsWith("!") ? "=" + value : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelMatcher that
                && label.equals(that.label)
                && kind == that.kind
                && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, kind, value);
    }

    @Override
    public String toString() {
        return label + kind.operator() + value;
    }
}
