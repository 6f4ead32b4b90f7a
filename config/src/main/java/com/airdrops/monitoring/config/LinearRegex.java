package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.alert.RegexEngine;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.function.Predicate;

/**
 * The regex engine of label matchers: RE2/J, which matches in time linear in the value, with the syntax and meaning of
 * Prometheus' RE2. What RE2 refuses (backreferences, look-arounds, possessive quantifiers) is refused here with the
 * reason, so a rule file names it and the API answers 400.
 */
public final class LinearRegex implements RegexEngine {
    public static final LinearRegex ENGINE = new LinearRegex();

    private LinearRegex() {}

    @Override
    public Predicate<String> compileWhole(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid regular expression '" + regex + "' (RE2 syntax, as in Prometheus): " + e.getDescription());
        }
        return pattern::matches;
    }
}
