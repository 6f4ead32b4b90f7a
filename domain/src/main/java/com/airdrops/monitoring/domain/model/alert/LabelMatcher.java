package com.airdrops.monitoring.domain.model.alert;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on a series' label, written as the value of {@code matchers: { label: value }}: {@code value} (equal),
 * {@code "!=value"} (not equal), {@code "=~regex"} (matches) or {@code "!~regex"} (does not match). A regex must match
 * the whole value, as in Prometheus; the syntax is Java's, of which the RE2 subset Prometheus accepts behaves the
 * same (no backreferences or look-arounds are needed). A label the series lacks has the empty value.
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
    private final Pattern pattern;

    public LabelMatcher(String label, Kind kind, String value) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a matcher needs a label name");
        }
        if (kind == null || value == null) {
            throw new IllegalArgumentException("a matcher needs a kind and a value");
        }
        this.label = label;
        this.kind = kind;
        this.value = value;
        if (kind == Kind.MATCHES || kind == Kind.NOT_MATCHES) {
            try {
                this.pattern = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression '" + value + "': " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        } else {
            this.pattern = null;
        }
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

    /** Reads the YAML form: {@code "!=x"}, {@code "=~x"}, {@code "!~x"}, or a plain value for equality. */
    public static LabelMatcher parse(String label, String written) {
        for (Kind kind : new Kind[] {Kind.NOT_EQUAL, Kind.MATCHES, Kind.NOT_MATCHES}) {
            if (written.startsWith(kind.operator())) {
                return new LabelMatcher(
                        label, kind, written.substring(kind.operator().length()));
            }
        }
        return new LabelMatcher(label, Kind.EQUAL, written.startsWith("=") ? written.substring(1) : written);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(label, "");
        return switch (kind) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case MATCHES -> pattern.matcher(actual).matches();
            case NOT_MATCHES -> !pattern.matcher(actual).matches();
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
