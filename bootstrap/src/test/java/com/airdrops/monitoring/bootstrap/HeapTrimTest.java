package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapTrimTest {
    private static final long MIB = 1L << 20;

    @Test
    void belowTheFloorTheCollectorsOwnGrowthIsLeftAlone() {
        assertThat(HeapTrim.shouldCollect(20 * MIB, 19 * MIB, 0, 0)).isFalse();
    }

    @Test
    void anOldGenerationGrownPastTwiceItsLiveDataIsCollected() {
        assertThat(HeapTrim.shouldCollect(48 * MIB, 30 * MIB, 20 * MIB, 33 * MIB))
                .isTrue();
        assertThat(HeapTrim.shouldCollect(36 * MIB, 25 * MIB, 20 * MIB, 33 * MIB))
                .isFalse();
    }

    @Test
    void aCollectionThatDidNotShrinkTheGenerationIsNotRepeated() {
        // -Xms64m: the generation keeps its 43 MiB whatever it holds; only its filling up brings another collection.
        assertThat(HeapTrim.shouldCollect(43 * MIB, 20 * MIB, 5 * MIB, 43 * MIB))
                .isFalse();
        assertThat(HeapTrim.shouldCollect(43 * MIB, 38 * MIB, 5 * MIB, 43 * MIB))
                .isTrue();
    }

    @Test
    void aGenerationNearlyFullOfGarbageIsCollectedBeforeTheCollectorGrowsIt() {
        assertThat(HeapTrim.shouldCollect(33 * MIB, 29 * MIB, 20 * MIB, 33 * MIB))
                .isTrue();
        assertThat(HeapTrim.shouldCollect(33 * MIB, 27 * MIB, 20 * MIB, 33 * MIB))
                .as("not nearly full yet")
                .isFalse();
    }

    @Test
    void aGenerationNearlyFullOfLiveDataIsLeftToGrow() {
        assertThat(HeapTrim.shouldCollect(33 * MIB, 31 * MIB, 28 * MIB, 33 * MIB))
                .isFalse();
    }
}
