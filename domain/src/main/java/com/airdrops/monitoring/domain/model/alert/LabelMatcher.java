package com.airdrops.monitoring.domain.model.alert;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on a series' label, written as the value of {@code matchers: { label: value }}: {@code value} (equal),
 * {@code "!=value"} (not equal), {@code "=~regex"} (matches) or {@code "!~regex"} (does not match). A regex must match
 * the whole value, as in Prometheus; the syntax is Java's, of which the RE2 subset Prometheus accepts behaves the
 * same (no backreferences or look-arounds are needed). A label the series lacks has the empty value.
 */
public record LabelMatcher(String label, Kind kind, String value) {
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

    public LabelMatcher {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a matcher needs a label name");
        }
        if (kind == null || value == null) {
            throw new IllegalArgumentException("a matcher needs a kind and a value");
        }
        if (kind == Kind.MATCHES || kind == Kind.NOT_MATCHES) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression '" + value + "': " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        }
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
            case MATCHES -> Pattern.matches(value, actual);
            case NOT_MATCHES -> !Pattern.matches(value, actual);
        };
    }

    /** The YAML form, as {@code GET /api/v1/rules} shows it. */
    public String written() {
        return kind == Kind.EQUAL ? value : kind.operator() + value;
    }
}
