package com.airdrops.monitoring.domain.model.alert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's description with placeholders filled per alert: {@code {{ $labels.<name> }}} (empty when the series
 * lacks the label), {@code {{ $value }}} and {@code {{ $threshold }}} (at most 6 significant digits, no exponent:
 * {@code 0.075}, {@code 1234.5}, {@code 3}; NaN as {@code NaN}), {@code {{ $rule }}}, and for a rule with a window
 * {@code {{ $function }}} and {@code {{ $over }}} ({@code increase}, {@code 10m}; empty without). Anything else between
 * {@code {{ }}} is refused when the rule is read, never at run time.
 */
public final class AlertTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern LABEL = Pattern.compile("\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");

    private AlertTemplate() {}

    /** Throws naming every unknown placeholder of {@code text}. */
    public static void validate(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1);
            if (!variable.equals("$value")
                    && !variable.equals("$threshold")
                    && !variable.equals("$rule")
                    && !variable.equals("$function")
                    && !variable.equals("$over")
                    && !LABEL.matcher(variable).matches()) {
                unknown.add("{{ " + variable + " }}");
            }
        }
        String outside = PLACEHOLDER.matcher(text).replaceAll("");
        if (outside.contains("{{") || outside.contains("}}")) {
            throw new IllegalArgumentException("unclosed or stray '{{' or '}}': a placeholder is written {{ $value }}");
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown template variable(s) " + String.join(", ", unknown)
                    + "; allowed: {{ $labels.<name> }}, {{ $value }}, {{ $threshold }}, {{ $rule }}, {{ $function }},"
                    + " {{ $over }}");
        }
    }

    public static String render(String text, String rule, Map<String, String> labels, double value, double threshold) {
        return render(text, rule, labels, value, threshold, Optional.empty());
    }

    /** As above, for a rule that may have a {@code window}. */
    public static String render(
            String text,
            String rule,
            Map<String, String> labels,
            double value,
            double threshold,
            Optional<RuleWindow> window) {
        if (!text.contains("{{")) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            Matcher label = LABEL.matcher(variable);
            String replacement = switch (variable) {
                case "$value" -> number(value);
                case "$threshold" -> number(threshold);
                case "$rule" -> rule;
                case "$function" -> window.map(w -> w.function().wireName()).orElse("");
                case "$over" -> window.map(RuleWindow::overText).orElse("");
                default -> label.matches() ? labels.getOrDefault(label.group(1), "") : matcher.group();
            };
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(rendered);
        if (rendered.length() > MAX_RENDERED_LENGTH) {
            // Label values may be long: a template naming many of them must not make every transition huge.
            rendered.setLength(MAX_RENDERED_LENGTH - 1);
            rendered.append('…');
        }
        return rendered.toString();
    }

    /** A rendered text is cut to this many characters (its template is at most 4,096). */
    public static final int MAX_RENDERED_LENGTH = 8_192;

    /** At most 6 significant digits, plain notation, no trailing zeros. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "+Inf" : "-Inf");
        }
        return new BigDecimal(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }
}
