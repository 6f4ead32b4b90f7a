package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayHostTest {
    @Test
    void theStartLineNamesAHostAsAUrlWould() {
        assertThat(StartupSummary.displayHost("0.0.0.0")).isEqualTo("localhost");
        assertThat(StartupSummary.displayHost("::")).isEqualTo("localhost");
        assertThat(StartupSummary.displayHost("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(StartupSummary.displayHost("::1")).isEqualTo("[::1]");
        assertThat(StartupSummary.displayHost("[::1]")).isEqualTo("[::1]");
        assertThat(StartupSummary.displayHost("monitor.example")).isEqualTo("monitor.example");
        assertThat(StartupSummary.listenHost("::")).isEqualTo("[::]");
        assertThat(StartupSummary.listenHost("0.0.0.0")).isEqualTo("0.0.0.0");
    }
}
