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

    private final String label;
    private final MatchKind kind;
    private final String value;
    /** The regex, compiled once: a matcher runs for every sample of its rule's metric in every pass. */
    private final Predicate<String> pattern;

    /** A matcher that compares values; a regex kind is refused (see {@link #LabelMatcher(String, MatchKind, String, RegexEngine)}). */
    public LabelMatcher(String label, MatchKind kind, String value) {
        this(label, kind, value, RegexEngine.NONE);
    }

    /** @param engine compiles the value of a {@code =~} or {@code !~} matcher */
    public LabelMatcher(String label, MatchKind kind, String value, RegexEngine engine) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a matcher needs a label name");
        }
        if (kind == null || value == null) {
            throw new IllegalArgumentException("a matcher needs a kind and a value");
        }
        this.label = label;
        this.kind = kind;
        this.value = value;
        this.pattern = kind == MatchKind.MATCHES || kind == MatchKind.NOT_MATCHES ? engine.compileWhole(value) : null;
    }

    public String label() {
        return label;
    }

    public MatchKind kind() {
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
        for (MatchKind kind : new MatchKind[] {MatchKind.NOT_EQUAL, MatchKind.MATCHES, MatchKind.NOT_MATCHES}) {
            if (written.startsWith(kind.operator())) {
                return new LabelMatcher(
                        label, kind, written.substring(kind.operator().length()), engine);
            }
        }
        return new LabelMatcher(label, MatchKind.EQUAL, written.startsWith("=") ? written.substring(1) : written);
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
        if (kind != MatchKind.EQUAL) {
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
