package com.airdrops.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** RE2 refuses what it refuses with the reason, matches whole values, and counts a match slower than its bound. */
class LinearRegexTest {
    @Test
    void aBackreferenceIsRefusedAndAWholeValueMatches() {
        assertThatThrownBy(() -> LinearRegex.ENGINE.compileWhole("(\\w|a)*\\1b"))
                .hasMessageStartingWith("invalid regular expression '(\\w|a)*\\1b' (RE2 syntax, as in Prometheus)");
        Predicate<String> zk = LinearRegex.ENGINE.compileWhole("zk.*");
        assertThat(zk.test("zksync")).isTrue();
        assertThat(zk.test("a-zksync")).isFalse();
    }

    @Test
    void aMatchOverItsBoundIsCountedAndExposed() {
        LinearRegex strict = new LinearRegex(Duration.ZERO); // every match overruns a bound of nothing
        Predicate<String> any = strict.compileWhole("a+");

        assertThat(any.test("aaa")).isTrue();
        assertThat(any.test("b")).isFalse();

        assertThat(strict.overruns()).isEqualTo(2);
        assertThat(strict.samples(Instant.EPOCH)).singleElement().satisfies(sample -> {
            assertThat(sample.name()).isEqualTo("monitoring_matcher_overruns_total");
            assertThat(sample.value()).isEqualTo(2);
        });
    }
}
