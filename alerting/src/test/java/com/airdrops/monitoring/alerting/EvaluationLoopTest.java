package com.airdrops.monitoring.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluationLoopTest {
    @ParameterizedTest
    @CsvSource({
        // a pass scheduled at 0 with a 1,000 ns interval that ended at `now`: ticks skipped
        "0, 0, 0",
        "0, 999, 0",
        "0, 1000, 1",
        "0, 1500, 1",
        "0, 3999, 3",
        "5000, 5200, 0"
    })
    void ticksThatPassedDuringAnOverrunAreSkippedNotRunLate(long scheduled, long now, long skipped) {
        assertThat(EvaluationLoop.missedTicks(scheduled, now, 1000)).isEqualTo(skipped);
    }
}
