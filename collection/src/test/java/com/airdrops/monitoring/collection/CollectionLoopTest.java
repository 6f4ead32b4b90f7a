package com.airdrops.monitoring.collection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionLoopTest {
    private static final long HALF_SECOND = 500_000_000L;

    @ParameterizedTest
    @CsvSource({
        // now (ms) -> delay (ms) to the next k * 0.5 s + 0.25 s
        "1000, 250",
        "1100, 150",
        "1250, 0",
        "1251, 499",
        "1499, 251",
        "1750, 0",
        "1760, 490"
    })
    void ticksAreAlignedToTheMiddleOfEachIntervalSlot(long nowMillis, long expectedDelayMillis) {
        assertThat(CollectionLoop.delayToNextSlotMiddle(nowMillis, HALF_SECOND))
                .isEqualTo(expectedDelayMillis * 1_000_000L);
    }
}
