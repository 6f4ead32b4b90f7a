package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.alert.RegexEngine;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regex engine of label matchers: RE2/J, which matches in time linear in the value, with the syntax and meaning of
 * Prometheus' RE2. What RE2 refuses (backreferences, look-arounds, possessive quantifiers) is refused here with the
 * reason, so a rule file names it and the API answers 400.
 *
 * <p>Linear is not free: a long pattern against a long value still costs time in every pass. A match that takes longer
 * than {@link #OVERRUN} is counted ({@code monitoring_matcher_overruns_total}) and logged once per pattern, naming it.
 * Thread-safe.
 */
public final class LinearRegex implements RegexEngine, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(LinearRegex.class);

    /** A single match slower than this is an overrun. */
    static final Duration OVERRUN = Duration.ofMillis(10);

    public static final LinearRegex ENGINE = new LinearRegex(OVERRUN);

    private final long overrunNanos;
    private final AtomicLong overruns = new AtomicLong();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    LinearRegex(Duration overrun) {
        this.overrunNanos = overrun.toNanos();
    }

    @Override
    public Predicate<String> compileWhole(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid regular expression '" + regex + "' (RE2 syntax, as in Prometheus): " + e.getDescription());
        }
        return value -> {
            long started = System.nanoTime();
            boolean matches = pattern.matches(value);
            long took = System.nanoTime() - started;
            if (took > overrunNanos) {
                overrun(regex, value, took);
            }
            return matches;
        };
    }

    private void overrun(String regex, String value, long nanos) {
        overruns.incrementAndGet();
        if (reported.size() < 100 && reported.add(regex)) {
            LOG.warn(
                    "Matcher =~{} took {} ms against a value of {} characters (over {} ms; counted in {}; logged once "
                            + "per pattern)",
                    regex.length() > 200 ? regex.substring(0, 200) + "..." : regex,
                    nanos / 1_000_000,
                    value.length(),
                    overrunNanos / 1_000_000,
                    MetricCatalog.MATCHER_OVERRUNS);
        }
    }

    /** Matches slower than {@link #OVERRUN} since start. */
    public long overruns() {
        return overruns.get();
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(Sample.of(MetricCatalog.MATCHER_OVERRUNS, overruns.get(), now));
    }
}
