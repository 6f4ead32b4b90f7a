package com.airdrops.monitoring.domain.model.alert;

import java.util.function.Predicate;

/**
 * Compiles the regular expressions of label matchers ({@code =~}, {@code !~}). An engine must match in time linear in
 * the value (no backtracking) and refuse what Prometheus' RE2 refuses: a matcher runs against pushed label values in
 * every evaluation pass, and one exponential pattern would stop all alerting.
 */
@FunctionalInterface
public interface RegexEngine {
    /** For matchers that compare values only: a regex is refused. */
    RegexEngine NONE = regex -> {
        throw new IllegalArgumentException("regular expressions are not accepted here");
    };

    /**
     * A test of whether a whole value matches {@code regex}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code regex}
     */
    Predicate<String> compileWhole(String regex);
}
